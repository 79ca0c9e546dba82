package org.hetao.estation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoKeysTests {

	@TempDir
	Path dir;

	static final CryptoKeys.Configured NONE = new CryptoKeys.Configured(Map.of(), "", "");

	@Test
	void productionRefusesToStartWithoutAConfiguredKey() {
		assertThatThrownBy(() -> CryptoKeys.cipher(NONE, true, dir.resolve("keys.properties")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ESTATION_CRYPTO_KEYS")
			.hasMessageContaining("will not start");
		assertThat(dir.resolve("keys.properties")).doesNotExist();
	}

	@Test
	void devGeneratesAKeyFileReadableByTheOwnerOnlyAndReusesIt() throws Exception {
		Path file = dir.resolve("data/keys.properties");
		var first = CryptoKeys.cipher(NONE, false, file);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String stored = first.encrypt("A123456(3)", "c");
		var second = CryptoKeys.cipher(NONE, false, file);
		assertThat(second.decrypt(stored, "c")).as("the same key after a restart").isEqualTo("A123456(3)");
		assertThat(second.activeKeyId()).isEqualTo("dev1");
	}

	@Test
	void configuredKeysComeFromPropertiesOrTheEnvironmentList() {
		String k1 = Base64.getEncoder().encodeToString(new byte[32]);
		String k2 = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
				17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
		Map<String, String> keys = CryptoKeys.parseList("2026a:" + k1 + ", 2026b:" + k2);
		assertThat(keys).containsOnlyKeys("2026a", "2026b");
		var cipher = CryptoKeys.cipher(new CryptoKeys.Configured(keys, "2026b", k2), true, dir.resolve("unused"));
		assertThat(cipher.activeKeyId()).isEqualTo("2026b");
		assertThatThrownBy(() -> CryptoKeys.cipher(new CryptoKeys.Configured(keys, "", k2), true, dir.resolve("unused")))
			.hasMessageContaining("name the active one");
		assertThatThrownBy(() -> CryptoKeys.cipher(new CryptoKeys.Configured(keys, "2026a", ""), true, dir.resolve("unused")))
			.hasMessageContaining("blind-index key");
		assertThatThrownBy(() -> CryptoKeys.parseList("nocolon")).hasMessageContaining("ESTATION_CRYPTO_KEYS");
	}

}
