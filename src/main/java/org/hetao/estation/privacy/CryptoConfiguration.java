package org.hetao.estation.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The personal-data cipher every module uses, from the configured keys (see {@link CryptoKeys}). */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

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

}
