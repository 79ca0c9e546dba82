package org.hetao.estation.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which form fields are personal data, and their encryption inside JSON columns ({@link EncryptedColumn.Format#JSON_FIELDS}). */
public final class PersonalData {

	/**
	 * Identity numbers, phone numbers, e-mail and postal addresses, birth dates: a key whose last segment contains one
	 * of these words, in any case (every field of every task is asked on each submission and each read: a plain scan,
	 * not a pattern).
	 */
	private static final String[] PERSONAL_WORDS = { "phone", "mobile", "idnumber", "identitynumber", "documentnumber",
			"passport", "hkid", "mtpnumber", "email", "address", "birth" };

	private PersonalData() {
	}

	/** {@code shared.contactPhone}, {@code legalRepIdNumber}, {@code residentialAddress}… */
	public static boolean isPersonalKey(String key) {
		if (key == null) {
			return false;
		}
		int from = key.lastIndexOf('.') + 1;
		for (String word : PERSONAL_WORDS) {
			for (int i = from; i + word.length() <= key.length(); i++) {
				if (key.regionMatches(true, i, word, 0, word.length())) {
					return true;
				}
			}
		}
		return false;
	}

	/** A copy with every personal field encrypted (fields already encrypted are kept as they are). */
	public static Map<String, String> encryptFields(PersonalDataCipher cipher, EncryptedColumn column,
			Map<String, String> values) {
		Map<String, String> out = new LinkedHashMap<>();
		values.forEach((k, v) -> out.put(k, isPersonalKey(k) && v != null && !PersonalDataCipher.isEncrypted(v)
				? cipher.encrypt(v, column.fieldContext(k)) : v));
		return out;
	}

	/** A copy with every encrypted field decrypted. */
	public static Map<String, String> decryptFields(PersonalDataCipher cipher, EncryptedColumn column,
			Map<String, String> values) {
		Map<String, String> out = new LinkedHashMap<>();
		values.forEach((k, v) -> out.put(k, PersonalDataCipher.isEncrypted(v) ? cipher.decrypt(v, column.fieldContext(k)) : v));
		return out;
	}

}
