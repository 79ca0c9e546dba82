package org.hetao.estation.certificates;

import java.time.Instant;

/**
 * An issued e-certificate as registered (without its PDF).
 *
 * @param holderMasked the holder's name, masked: what a verifier may see
 * @param status {@link CertificateStatus#VALID} or {@link CertificateStatus#REVOKED}
 */
public record Certificate(String number, String receiptNumber, long caseId, long taskId, String itemCode,
		String departmentCode, String holderMasked, Long holderAccountId, String language, String sha256,
		Instant issuedAt, CertificateStatus status, Instant revokedAt, String revokedBy, String revokeReason,
		int version) {
}
