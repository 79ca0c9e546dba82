package org.hetao.estation.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.CompletableFuture;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's signing key and certificate, from a PKCS#12 keystore ({@code estation.certificates.keystore},
 * {@code …keystore-password}, {@code …key-alias}). When the keystore file does not exist and
 * {@code estation.certificates.generate-key} is true (the default, for development and tests) a self-signed
 * development key is generated there on first start, with a loud warning. Production configures its real
 * keystore and sets {@code generate-key=false}: then a missing keystore stops the application from starting.
 */
@Component
class SigningKey {

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

	/** The key and its certificate, once loaded (or, on a first start, once generated in the background). */
	private record Loaded(PrivateKey privateKey, X509Certificate certificate) {
	}

	private final CompletableFuture<Loaded> key;

	/**
	 * A configured keystore is read at once. A development key still to be generated is made in the background, so
	 * that a first start does not wait for it: the first certificate signed waits instead, if it comes that early.
	 */
	SigningKey(@Value("${estation.certificates.keystore:./data/certificates/signing-dev.p12}") Path keystore,
			@Value("${estation.certificates.keystore-password:estation-dev}") String password,
			@Value("${estation.certificates.key-alias:estation-signing}") String alias,
			@Value("${estation.certificates.generate-key:true}") boolean generate) throws Exception {
		char[] secret = password.toCharArray();
		if (Files.exists(keystore)) {
			this.key = CompletableFuture.completedFuture(load(keystore, secret, alias));
		}
		else if (!generate) {
			throw new IllegalStateException("No certificate signing keystore at " + keystore.toAbsolutePath()
					+ " (estation.certificates.keystore) and estation.certificates.generate-key=false");
		}
		else {
			this.key = CompletableFuture.supplyAsync(() -> {
				try {
					generate(keystore, secret, alias);
					return load(keystore, secret, alias);
				}
				catch (Exception e) {
					throw new IllegalStateException("Could not generate the development signing key at " + keystore, e);
				}
			});
		}
	}

	private static Loaded load(Path keystore, char[] secret, String alias) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, secret);
		}
		if (!store.isKeyEntry(alias)) {
			throw new IllegalStateException("The keystore " + keystore + " has no key entry '" + alias + "'");
		}
		Loaded loaded = new Loaded((PrivateKey) store.getKey(alias, secret), (X509Certificate) store.getCertificate(alias));
		log.info("E-certificates are signed by '{}' (keystore {})", loaded.certificate().getSubjectX500Principal(),
				keystore.toAbsolutePath());
		return loaded;
	}

	private static synchronized void generate(Path keystore, char[] secret, String alias) throws Exception {
		if (Files.exists(keystore)) {
			return;
		}
		// ECDSA on P-256: the strength of RSA-3072 (128 bits), and a signature costs a tenth of an RSA one — each
		// e-certificate and receipt is signed once, so this is most of the signing's share of issuing one
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
		KeyPair pair = generator.generateKeyPair();
		X500Name subject = new X500Name("CN=Hetao e-Station DEVELOPMENT signing key, O=Hetao e-Station, C=CN");
		Instant now = Instant.now();
		var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
				pair.getPublic());
		X509Certificate cert = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(algorithmFor(pair.getPrivate())).build(pair.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(alias, pair.getPrivate(), secret, new X509Certificate[] { cert });
		Files.createDirectories(keystore.toAbsolutePath().getParent());
		Path temporary = Files.createTempFile(keystore.toAbsolutePath().getParent(), "signing", ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			store.store(out, secret);
		}
		try {
			Files.move(temporary, keystore, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException raced) {
			Files.deleteIfExists(temporary);
		}
		log.warn("*** GENERATED A SELF-SIGNED DEVELOPMENT KEY FOR E-CERTIFICATES at {} — NOT FOR PRODUCTION: "
				+ "configure estation.certificates.keystore and set estation.certificates.generate-key=false ***",
				keystore.toAbsolutePath());
	}

	/** The JCA signature algorithm for this key: SHA-256 with ECDSA for an EC key, with RSA for an RSA one. */
	String signatureAlgorithm() {
		return algorithmFor(privateKey());
	}

	private static String algorithmFor(PrivateKey key) {
		return "SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : key.getAlgorithm());
	}

	PrivateKey privateKey() {
		return key.join().privateKey();
	}

	X509Certificate certificate() {
		return key.join().certificate();
	}

}
