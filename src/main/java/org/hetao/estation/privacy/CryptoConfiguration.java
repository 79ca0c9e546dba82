package org.hetao.estation.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hetao.estation.shared.CommandLineTask;
import org.hetao.estation.shared.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The personal-data cipher every module uses, from the configured keys (see {@link CryptoKeys}), and the command that
 * rotates them.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

	@Bean
	PersonalDataCipher personalDataCipher(Environment environment) {
		// estation.crypto.keys.<id> from configuration files and properties; not from the environment variables,
		// where ESTATION_CRYPTO_KEYS is the list form "id:base64,…" (parsed below) and would not bind as a map
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		ConfigurationPropertySources.get(environment).forEach(source -> {
			if (!(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
				sources.add(source);
			}
		});
		Map<String, String> keys = new LinkedHashMap<>(new Binder(sources)
			.bind("estation.crypto.keys", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		keys.putAll(CryptoKeys.parseList(environment.getProperty("ESTATION_CRYPTO_KEYS")));
		String active = environment.getProperty("ESTATION_CRYPTO_ACTIVE_KEY",
				environment.getProperty("estation.crypto.active-key", ""));
		String blind = environment.getProperty("ESTATION_CRYPTO_BLIND_INDEX_KEY",
				environment.getProperty("estation.crypto.blind-index-key", ""));
		boolean production = environment.acceptsProfiles(Profiles.of("postgres"))
				|| environment.getProperty("estation.crypto.require-configured-key", Boolean.class, false);
		Path devFile = Path.of(environment.getProperty("estation.crypto.dev-key-file", "./data/crypto-dev-keys.properties"));
		return CryptoKeys.cipher(new CryptoKeys.Configured(keys, active, blind), production, devFile);
	}

	/**
	 * The rotation command: {@code java -jar estation.jar --crypto-rotate} (batch size
	 * {@code --crypto-rotate-batch=500}) re-encrypts all personal data under the active key, encrypts legacy
	 * plaintext, prints the counts and exits with 0, or 4 when some values could not be read.
	 */
	@Bean
	CommandLineTask cryptoRotationCommand(KeyRotation rotation) {
		return CommandLineTask.of("crypto-rotate", args -> {
			int batch = args.containsOption("crypto-rotate-batch")
					? Integer.parseInt(args.getOptionValues("crypto-rotate-batch").get(0)) : 500;
			KeyRotation.Report report = rotation.rotate(batch);
			log.info("Crypto rotation done: {} values rewritten, {} unreadable.", report.total(), report.failed());
			return report.failed() == 0 ? 0 : 4;
		});
	}

}
