package org.hetao.estation.certificates;

import java.time.Instant;

/** The issuing department revoked an e-certificate; the audit module records it. */
public record CertificateRevoked(String number, String receiptNumber, String departmentCode, String revokedBy,
		String reason, Instant at) {
}
