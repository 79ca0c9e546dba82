package org.hetao.estation.certificates;

import java.time.Instant;

import org.hetao.estation.shared.LocalizedText;

/**
 * What verifying a number or a file found; no personal data beyond the masked holder.
 *
 * @param number the certificate number, {@code null} when the file matched none
 * @param department the issuing department's name, {@code null} when unknown
 * @param item the service item's name, {@code null} when unknown
 */
public record Verification(String number, CertificateStatus status, Instant issuedAt, LocalizedText department,
		LocalizedText item, String holder, Instant revokedAt, String reason) {

	static Verification unknown(String number) {
		return new Verification(number, CertificateStatus.UNKNOWN, null, null, null, null, null, null);
	}

	static Verification altered() {
		return new Verification(null, CertificateStatus.ALTERED, null, null, null, null, null, null);
	}

}
