package org.hetao.estation.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.hetao.estation.shared.PersonalDataCipher;

/**
 * AES-256-GCM with a random 96-bit nonce per value and a 128-bit tag. Decrypts with any configured key
 * (named in the stored value), encrypts with the active one: rotating means adding a key, making it
 * active and running the rotation job, then removing the old key.
 */
public final class AesGcmPersonalDataCipher implements PersonalDataCipher {

	/** Magic bytes that start an encrypted file: {@code ESTENC1} and a zero byte. */
	static final byte[] FILE_MAGIC = "ESTENC1\0".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKeySpec> keys;

	private final String active;

	private final SecretKeySpec blindIndexKey;

	// One cipher, nonce source and MAC per thread, re-initialised for every value: Cipher.getInstance looks the
	// provider up each time, a fresh AES cipher expands the key again (a reused one only when the key changes), and
	// the default SecureRandom (NativePRNG) takes one lock for every thread of the process. A nonce must be unique,
	// which a thread's own DRBG seeded from the system gives as well as the shared source.
	private final ThreadLocal<Cipher> ciphers = perThread(() -> Cipher.getInstance("AES/GCM/NoPadding"), "AES-GCM");

	private final ThreadLocal<SecureRandom> nonces = perThread(AesGcmPersonalDataCipher::drbg, "DRBG");

	private final ThreadLocal<Mac> macs = perThread(() -> Mac.getInstance("HmacSHA256"), "HMAC-SHA-256");

	/**
	 * @param keys key id → 32 raw key bytes
	 * @param activeKeyId the key new values are encrypted with; must be one of {@code keys}
	 * @param blindIndexKey at least 32 bytes for the HMAC of blind indexes
	 */
	public AesGcmPersonalDataCipher(Map<String, byte[]> keys, String activeKeyId, byte[] blindIndexKey) {
		if (keys == null || keys.isEmpty()) {
			throw new IllegalArgumentException("no encryption key configured");
		}
		Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
		keys.forEach((id, bytes) -> {
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalArgumentException("key id '" + id + "' must be 1-32 letters, digits, '-' or '_'");
			}
			if (bytes == null || bytes.length != 32) {
				throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (AES-256), base64-encoded");
			}
			specs.put(id, new SecretKeySpec(bytes.clone(), "AES"));
		});
		if (activeKeyId == null || !specs.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("the active key '" + activeKeyId + "' is not among the configured keys "
					+ specs.keySet());
		}
		if (blindIndexKey == null || blindIndexKey.length < 32) {
			throw new IllegalArgumentException("the blind-index key must be at least 32 bytes");
		}
		this.keys = Map.copyOf(specs);
		this.active = activeKeyId;
		this.blindIndexKey = new SecretKeySpec(blindIndexKey.clone(), "HmacSHA256");
	}

	@Override
	public String encrypt(String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		byte[] sealed = seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
		return PREFIX + active + ":" + Base64.getEncoder().encodeToString(sealed);
	}

	@Override
	public String decrypt(String stored, String context) {
		if (stored == null || !PersonalDataCipher.isEncrypted(stored)) {
			return stored;
		}
		int colon = stored.indexOf(':', PREFIX.length());
		if (colon < 0) {
			throw new DecryptionFailed("malformed encrypted value in " + context);
		}
		String keyId = stored.substring(PREFIX.length(), colon);
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
		}
		catch (IllegalArgumentException e) {
			throw new DecryptionFailed("malformed encrypted value in " + context);
		}
		return new String(open(keyId, sealed, context), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] encryptBytes(byte[] plaintext, String context) {
		byte[] id = active.getBytes(StandardCharsets.US_ASCII);
		byte[] sealed = seal(plaintext, context);
		return ByteBuffer.allocate(FILE_MAGIC.length + 1 + id.length + sealed.length)
			.put(FILE_MAGIC)
			.put((byte) id.length)
			.put(id)
			.put(sealed)
			.array();
	}

	@Override
	public byte[] decryptBytes(byte[] stored, String context) {
		if (!isEncryptedFile(stored)) {
			return stored;
		}
		int idLength = stored[FILE_MAGIC.length] & 0xff;
		int start = FILE_MAGIC.length + 1 + idLength;
		if (start > stored.length) {
			throw new DecryptionFailed("malformed encrypted file in " + context);
		}
		String keyId = new String(stored, FILE_MAGIC.length + 1, idLength, StandardCharsets.US_ASCII);
		return open(keyId, Arrays.copyOfRange(stored, start, stored.length), context);
	}

	@Override
	public boolean isCurrent(String stored) {
		return stored != null && stored.startsWith(PREFIX + active + ":");
	}

	@Override
	public boolean isCurrent(byte[] stored) {
		if (!isEncryptedFile(stored)) {
			return false;
		}
		int idLength = stored[FILE_MAGIC.length] & 0xff;
		return FILE_MAGIC.length + 1 + idLength <= stored.length
				&& active.equals(new String(stored, FILE_MAGIC.length + 1, idLength, StandardCharsets.US_ASCII));
	}

	@Override
	public String activeKeyId() {
		return active;
	}

	@Override
	public String blindIndex(String normalisedValue, String context) {
		if (normalisedValue == null || normalisedValue.isEmpty()) {
			return null;
		}
		try {
			Mac mac = macs.get();
			mac.init(blindIndexKey);
			mac.update(context.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
		}
	}

	/** Whether the bytes start with the header of an encrypted file. */
	public static boolean isEncryptedFile(byte[] stored) {
		return stored != null && stored.length > FILE_MAGIC.length
				&& Arrays.equals(stored, 0, FILE_MAGIC.length, FILE_MAGIC, 0, FILE_MAGIC.length);
	}

	private byte[] seal(byte[] plaintext, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		nonces.get().nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(aad(context));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM encryption failed", e);
		}
	}

	private byte[] open(String keyId, byte[] sealed, String context) {
		SecretKeySpec key = keys.get(keyId);
		if (key == null) {
			throw new DecryptionFailed("unknown key id '" + keyId + "' in " + context);
		}
		if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new DecryptionFailed("truncated encrypted value in " + context);
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(aad(context));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (javax.crypto.AEADBadTagException e) {
			throw new DecryptionFailed("encrypted value in " + context + " was altered or belongs elsewhere", e);
		}
		catch (GeneralSecurityException e) {
			throw new DecryptionFailed("decryption failed in " + context, e);
		}
	}

	private static byte[] aad(String context) {
		return ("estation:" + context).getBytes(StandardCharsets.UTF_8);
	}

	/** The JDK's DRBG, or the default generator where a provider lacks it. */
	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (GeneralSecurityException e) {
			return new SecureRandom();
		}
	}

	/** One instance per thread: JCA engines are not thread-safe, and making one per value costs a provider lookup. */
	private static <T> ThreadLocal<T> perThread(JcaEngine<T> make, String algorithm) {
		return ThreadLocal.withInitial(() -> {
			try {
				return make.get();
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(algorithm + " unavailable", e);
			}
		});
	}

	private interface JcaEngine<T> {

		T get() throws GeneralSecurityException;

	}

}
