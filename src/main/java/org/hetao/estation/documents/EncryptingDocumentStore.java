package org.hetao.estation.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.hetao.estation.shared.PersonalDataCipher;

/**
 * Encrypts document content (AES-GCM, {@link PersonalDataCipher#encryptBytes}) before it reaches the
 * underlying store, with the storage key as associated data; decrypts on reading. Files written before
 * encryption (no header) are read as they are, and encrypted by the rotation job. The SHA-256 recorded for
 * a document stays the digest of the plaintext. Every {@link DocumentStore} bean is wrapped in one.
 */
public final class EncryptingDocumentStore implements DocumentStore {

	private final DocumentStore raw;

	private final PersonalDataCipher cipher;

	public EncryptingDocumentStore(DocumentStore raw, PersonalDataCipher cipher) {
		this.raw = raw;
		this.cipher = cipher;
	}

	static String context(String key) {
		return "document:" + key;
	}

	@Override
	public void put(String key, byte[] content) throws IOException {
		raw.put(key, cipher.encryptBytes(content, context(key)));
	}

	@Override
	public InputStream open(String key) throws IOException {
		byte[] stored;
		try (InputStream in = raw.open(key)) {
			stored = in.readAllBytes();
		}
		return new ByteArrayInputStream(cipher.decryptBytes(stored, context(key)));
	}

	@Override
	public void delete(String key) throws IOException {
		raw.delete(key);
	}

	/** The bytes as stored (encrypted, or legacy plaintext). */
	byte[] readStored(String key) throws IOException {
		try (InputStream in = raw.open(key)) {
			return in.readAllBytes();
		}
	}

	void writeStored(String key, byte[] stored) throws IOException {
		raw.put(key, stored);
	}

}
