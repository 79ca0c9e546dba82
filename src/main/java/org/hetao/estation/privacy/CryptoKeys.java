package org.hetao.estation.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the encryption keys come from: configuration ({@code estation.crypto.keys.<id>},
 * {@code estation.crypto.active-key}, {@code estation.crypto.blind-index-key}, or the environment variables
 * {@code ESTATION_CRYPTO_KEYS=id:base64,id2:base64}, {@code ESTATION_CRYPTO_ACTIVE_KEY},
 * {@code ESTATION_CRYPTO_BLIND_INDEX_KEY}). Without configured keys, production refuses to start; the
 * embedded/dev setup generates a dev key file (permissions 600) on first start and says so loudly.
 */
final class CryptoKeys {

	private static final Logger log = LoggerFactory.getLogger(CryptoKeys.class);

	private CryptoKeys() {
	}

	/** Keys and the active key id; the values are base64 as configured. */
	record Configured(Map<String, String> keys, String activeKey, String blindIndexKey) {

		boolean empty() {
			return keys.isEmpty();
		}

	}

	/** Parses {@code id:base64,id2:base64} (the environment variable's form). */
	static Map<String, String> parseList(String list) {
		Map<String, String> keys = new LinkedHashMap<>();
		if (list == null || list.isBlank()) {
			return keys;
		}
		for (String entry : list.split(",")) {
			int colon = entry.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException("ESTATION_CRYPTO_KEYS must be 'id:base64key,id2:base64key'");
			}
			keys.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
		}
		return keys;
	}

	/**
	 * The cipher from configured keys; without keys, {@code production} refuses and otherwise the dev key
	 * file is read or created.
	 */
	static AesGcmPersonalDataCipher cipher(Configured configured, boolean production, Path devKeyFile) {
		Configured keys = configured;
		if (keys.empty()) {
			if (production) {
				throw new IllegalStateException("""
						No encryption key for personal data is configured. Set ESTATION_CRYPTO_KEYS=<id>:<base64 of 32 random \
						bytes> (e.g. 'k2026:'$(openssl rand -base64 32)), ESTATION_CRYPTO_ACTIVE_KEY=<id> and \
						ESTATION_CRYPTO_BLIND_INDEX_KEY=<base64 of 32 random bytes>, or estation.crypto.keys.<id>, \
						estation.crypto.active-key and estation.crypto.blind-index-key. The application will not start without them.""");
			}
			keys = devKeys(devKeyFile);
		}
		String active = keys.activeKey() == null || keys.activeKey().isBlank()
				? (keys.keys().size() == 1 ? keys.keys().keySet().iterator().next() : null) : keys.activeKey().strip();
		if (active == null) {
			throw new IllegalStateException("Several encryption keys are configured: name the active one with "
					+ "ESTATION_CRYPTO_ACTIVE_KEY or estation.crypto.active-key.");
		}
		if (keys.blindIndexKey() == null || keys.blindIndexKey().isBlank()) {
			throw new IllegalStateException("No blind-index key is configured: set ESTATION_CRYPTO_BLIND_INDEX_KEY or "
					+ "estation.crypto.blind-index-key (base64 of 32 random bytes); it never changes once data exists.");
		}
		Map<String, byte[]> raw = new LinkedHashMap<>();
		keys.keys().forEach((id, b64) -> raw.put(id, decode(id, b64)));
		return new AesGcmPersonalDataCipher(raw, active, decode("blind-index", keys.blindIndexKey()));
	}

	private static byte[] decode(String id, String b64) {
		try {
			return Base64.getDecoder().decode(b64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("Encryption key '" + id + "' is not valid base64");
		}
	}

	/** Reads the dev key file, creating it (owner read/write only) with fresh random keys when missing. */
	static Configured devKeys(Path file) {
		try {
			Properties p = new Properties();
			if (Files.exists(file)) {
				try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					p.load(in);
				}
				log.warn("Personal data is encrypted with the DEVELOPMENT key in {}: not for production.", file.toAbsolutePath());
			}
			else {
				SecureRandom random = new SecureRandom();
				p.setProperty("active-key", "dev1");
				p.setProperty("keys.dev1", random32(random));
				p.setProperty("blind-index-key", random32(random));
				Files.createDirectories(file.toAbsolutePath().getParent());
				if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				else {
					Files.createFile(file);
				}
				try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
					p.store(out, "DEVELOPMENT keys for personal data encryption - generated, never commit, never use in production");
				}
				log.warn("""

						*****************************************************************************************
						  GENERATED A DEVELOPMENT ENCRYPTION KEY for personal data in {}
						  (permissions 600). Losing this file makes encrypted data unreadable.
						  Production: configure ESTATION_CRYPTO_KEYS / ESTATION_CRYPTO_ACTIVE_KEY /
						  ESTATION_CRYPTO_BLIND_INDEX_KEY (the postgres profile refuses to start without them).
						*****************************************************************************************""",
						file.toAbsolutePath());
			}
			Map<String, String> keys = new LinkedHashMap<>();
			p.stringPropertyNames()
				.stream()
				.filter(n -> n.startsWith("keys."))
				.sorted()
				.forEach(n -> keys.put(n.substring("keys.".length()), p.getProperty(n)));
			return new Configured(keys, p.getProperty("active-key"), p.getProperty("blind-index-key"));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read or create the development key file " + file, e);
		}
	}

	private static String random32(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
