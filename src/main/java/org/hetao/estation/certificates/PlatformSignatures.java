package org.hetao.estation.certificates;

import java.security.GeneralSecurityException;
import java.security.Signature;

import org.hetao.estation.shared.PlatformSignature;
import org.springframework.stereotype.Component;

/** {@link PlatformSignature} with the e-certificate signing key ({@link SigningKey}). */
@Component
class PlatformSignatures implements PlatformSignature {

	private final SigningKey key;

	PlatformSignatures(SigningKey key) {
		this.key = key;
	}

	@Override
	public String algorithm() {
		return key.signatureAlgorithm();
	}

	@Override
	public byte[] sign(byte[] data) {
		try {
			Signature signature = Signature.getInstance(algorithm());
			signature.initSign(key.privateKey());
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot sign with the platform key", e);
		}
	}

	@Override
	public boolean verify(byte[] data, byte[] signed) {
		try {
			Signature signature = Signature.getInstance(algorithm());
			signature.initVerify(key.certificate().getPublicKey());
			signature.update(data);
			return signature.verify(signed);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

}
