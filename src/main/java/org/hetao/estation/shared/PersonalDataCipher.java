package org.hetao.estation.shared;

/**
 * Encrypts personal data at rest (identity numbers, phone numbers, addresses, uploaded documents). Text
 * values are stored as {@code v1:<keyId>:<base64(nonce|ciphertext|tag)>}; the {@code context} (e.g.
 * {@code casework_case.applicant_id_number}) is bound as associated data, so a value copied to another
 * column does not decrypt. Values without the prefix are legacy plaintext and read as they are; the
 * rotation job ({@code --crypto-rotate}) encrypts them. Implemented by the privacy module ({@code AesGcmPersonalDataCipher}), which holds the keys.
 */
public interface PersonalDataCipher {

	/** The prefix of every encrypted text value. */
	String PREFIX = "v1:";

	/** Encrypts under the active key; {@code null} stays {@code null}. */
	String encrypt(String plaintext, String context);

	/**
	 * Decrypts a stored value with whichever configured key it names; legacy plaintext (no prefix) is
	 * returned as it is; {@code null} stays {@code null}.
	 *
	 * @throws DecryptionFailed when the value was changed, belongs to another context or names an unknown key
	 */
	String decrypt(String stored, String context);

	/** Encrypts file content under the active key (a binary header, then nonce, ciphertext and tag). */
	byte[] encryptBytes(byte[] plaintext, String context);

	/** Decrypts file content; content without the header is legacy plaintext and returned as it is. */
	byte[] decryptBytes(byte[] stored, String context);

	/** Whether a stored value or file is encrypted under the active key (nothing for the rotation job to do). */
	boolean isCurrent(String stored);

	boolean isCurrent(byte[] stored);

	/** The id of the key new values are encrypted with. */
	String activeKeyId();

	/**
	 * A keyed hash (HMAC-SHA-256, hex) of a normalised value, for equality search on an encrypted column
	 * (a blind index). The HMAC key is separate from the encryption keys and does not rotate with them.
	 */
	String blindIndex(String normalisedValue, String context);

	static boolean isEncrypted(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	/** Upper case without spaces, hyphens, brackets or dots: {@code a123456(3)} and {@code A 123456 3} are one. */
	static String normaliseIdentifier(String value) {
		return value == null ? null : value.replaceAll("[\\s\\-().]", "").toUpperCase(java.util.Locale.ROOT);
	}

	/** Digits only: {@code +852 9123-4567} → {@code 85291234567}. */
	static String normalisePhone(String value) {
		// full-width digits, as a Chinese input method types them, are the same digits
		return value == null ? null
				: java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
	}

	/** A stored value that cannot be decrypted. The message never contains the value. */
	class DecryptionFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public DecryptionFailed(String message) {
			super(message);
		}

		public DecryptionFailed(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
