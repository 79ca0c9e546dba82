package org.hetao.estation.exchange;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every message between the platform and a department system, both ways: header
 * {@code X-Estation-Timestamp} (epoch seconds) and {@code X-Estation-Signature: sha256=<hex>} where the hex is
 * HMAC-SHA256 with the connection's shared secret over {@code timestamp + "." + body}. A receiver refuses a
 * timestamp outside its replay window (±5 minutes by default) and compares in constant time.
 */
public final class ExchangeSignature {

	public static final String TIMESTAMP_HEADER = "X-Estation-Timestamp";

	public static final String SIGNATURE_HEADER = "X-Estation-Signature";

	public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private static final String PREFIX = "sha256=";

	/** What a check found. */
	public enum Verdict {
		VALID, MISSING, STALE, INVALID
	}

	private ExchangeSignature() {
	}

	/** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
	public static String sign(String secret, String timestamp, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
	}

	/**
	 * Checks a received message.
	 *
	 * @param timestamp the {@code X-Estation-Timestamp} header (epoch seconds)
	 * @param signature the {@code X-Estation-Signature} header
	 * @param window how far the timestamp may be from {@code now}, either way
	 */
	public static Verdict verify(String secret, String timestamp, String signature, byte[] body, Instant now,
			Duration window) {
		if (secret == null || secret.isEmpty() || timestamp == null || signature == null || body == null) {
			return Verdict.MISSING;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			return Verdict.INVALID;
		}
		if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
			return Verdict.STALE;
		}
		if (!signature.startsWith(PREFIX)) {
			return Verdict.INVALID;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.substring(PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return Verdict.INVALID;
		}
		return MessageDigest.isEqual(given, hmac(secret, timestamp.strip(), body)) ? Verdict.VALID : Verdict.INVALID;
	}

	/** Plain HMAC-SHA256 of a text, hex; for signed download links. */
	static String hmacHex(String secret, String text) {
		return HexFormat.of().formatHex(mac(secret).doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String sha256Hex(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] hmac(String secret, String timestamp, byte[] body) {
		Mac mac = mac(secret);
		mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) '.');
		return mac.doFinal(body);
	}

	private static Mac mac(String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

}
