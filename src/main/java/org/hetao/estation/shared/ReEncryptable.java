package org.hetao.estation.shared;

/**
 * Personal data outside table columns (e.g. stored files) that the rotation job re-encrypts under the
 * active key. Implemented as a bean by the module that owns it.
 */
public interface ReEncryptable {

	String name();

	/**
	 * Re-encrypts (or encrypts, if still plaintext) everything not yet under {@code cipher}'s active key;
	 * returns how many items were rewritten.
	 */
	long reencrypt(PersonalDataCipher cipher, int batchSize);

}
