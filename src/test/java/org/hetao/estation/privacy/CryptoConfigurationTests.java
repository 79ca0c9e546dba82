package org.hetao.estation.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.hetao.estation.shared.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Keys configured the way the README says for production: environment variables, with the list form
 * {@code ESTATION_CRYPTO_KEYS=id:base64}. (It once failed to start: the variable was also bound as
 * {@code estation.crypto.keys}, a map.)
 */
class CryptoConfigurationTests {

	@TempDir
	Path dir;

	@Test
	void keysFromEnvironmentVariablesStartTheProductionProfile() {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		String blind = Base64.getEncoder().encodeToString("a blind index key of 32 bytes!!!".getBytes());
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("ESTATION_CRYPTO_KEYS", "k2026:" + key, "ESTATION_CRYPTO_ACTIVE_KEY", "k2026",
									"ESTATION_CRYPTO_BLIND_INDEX_KEY", blind, "ESTATION_CRYPTO_DEV_KEY_FILE",
									dir.resolve("never.properties").toString())));
		environment.setActiveProfiles("postgres");

		PersonalDataCipher cipher = new CryptoConfiguration().personalDataCipher(environment);

		assertThat(cipher.activeKeyId()).isEqualTo("k2026");
		String stored = cipher.encrypt("A123456(3)", "account.phone");
		assertThat(stored).startsWith("v1:k2026:");
		assertThat(cipher.decrypt(stored, "account.phone")).isEqualTo("A123456(3)");
		assertThat(dir.resolve("never.properties")).doesNotExist();
	}

}
