package org.hetao.estation.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226): HMAC-SHA1, 30-second steps, 6 digits in
 * the product, one step of clock skew either way. Secrets travel in Base32 (RFC 4648, no padding), as
 * authenticator apps expect. Plain Java: no Spring, no database.
 */
public final class Totp {

	/** Seconds per time step. */
	public static final int STEP_SECONDS = 30;

	/** Digits of the product's codes. */
	public static final int DIGITS = 6;

	/** Steps accepted before and after the current one. */
	public static final int SKEW = 1;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** The time step of an instant (RFC 6238: T = floor((unix time - T0) / X), T0 = 0, X = 30). */
	public static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	/** HOTP (RFC 4226) of {@code counter} with {@code digits} digits, zero-padded. */
	public static String hotp(byte[] key, long counter, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			long otp = binary % (long) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", otp);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
		}
	}

	/** The product's 6-digit code at {@code time} for a Base32 secret. */
	public static String code(String base32Secret, Instant time) {
		return hotp(decodeBase32(base32Secret), step(time), DIGITS);
	}

	/**
	 * Checks a 6-digit code at {@code time}, allowing {@link #SKEW} steps either way, and refusing any step
	 * at or before {@code lastUsedStep} (a code, once accepted, cannot be used again: RFC 6238 §5.2).
	 *
	 * @param lastUsedStep the step of the last accepted code, or {@code Long.MIN_VALUE} for none
	 * @return the matched step, to be remembered as the new last used step
	 */
	public static OptionalLong verify(String base32Secret, String code, Instant time, long lastUsedStep) {
		if (code == null) {
			return OptionalLong.empty();
		}
		String typed = code.replace(" ", "").replace("-", "");
		if (typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		byte[] key = decodeBase32(base32Secret);
		long now = step(time);
		long matched = Long.MIN_VALUE;
		for (long s = now - SKEW; s <= now + SKEW; s++) {
			// compare every candidate, in constant time, so timing says nothing about which step matched
			boolean equal = MessageDigest.isEqual(hotp(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII));
			if (equal && s > lastUsedStep && matched == Long.MIN_VALUE) {
				matched = s;
			}
		}
		return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
	}

	/** A new random 160-bit secret (the HMAC-SHA1 output size, as RFC 4226 recommends), Base32. */
	public static String newSecret(SecureRandom random) {
		byte[] key = new byte[20];
		random.nextBytes(key);
		return encodeBase32(key);
	}

	/** The {@code otpauth://} URI authenticator apps read (Key Uri Format). */
	public static String uri(String issuer, String accountName, String base32Secret) {
		String label = urlEncode(issuer) + ":" + urlEncode(accountName);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + urlEncode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String urlEncode(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** RFC 4648 Base32 without padding. */
	public static String encodeBase32(byte[] data) {
		StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	/** Decodes Base32, ignoring case, spaces, hyphens and padding; refuses any other character. */
	public static byte[] decodeBase32(String text) {
		String s = text.toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("=", "");
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < s.length(); i++) {
			int value = ALPHABET.indexOf(s.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
