package org.hetao.estation.shared;

/**
 * Signs with the platform's own signing key (the one that signs e-certificates; the certificates module holds it),
 * for modules that must vouch for something outside the database, such as the audit log's checkpoints.
 */
public interface PlatformSignature {

	/** The JCA signature algorithm, e.g. {@code SHA256withRSA}. */
	String algorithm();

	byte[] sign(byte[] data);

	/** Whether the signature is the platform key's over these bytes. */
	boolean verify(byte[] data, byte[] signature);

}
