package org.hetao.estation.certificates.web;

import java.time.Instant;

import org.hetao.estation.certificates.CertificateStatus;
import org.hetao.estation.certificates.Verification;
import org.hetao.estation.shared.LocalizedText;

/** The API's answer about a certificate: no personal data beyond the masked holder. */
record VerificationResponse(String number, CertificateStatus status, Instant issuedAt, LocalizedText department,
		LocalizedText item, String holder, Instant revokedAt, String reason) {

	static VerificationResponse of(Verification v) {
		return new VerificationResponse(v.number(), v.status(), v.issuedAt(), v.department(), v.item(), v.holder(),
				v.revokedAt(), v.reason());
	}

}
