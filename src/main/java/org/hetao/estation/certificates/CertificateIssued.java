package org.hetao.estation.certificates;

import java.time.Instant;

/** An e-certificate was issued for an approved task by the deciding department. */
public record CertificateIssued(String number, String receiptNumber, long taskId, String itemCode,
		String departmentCode, String sha256, Instant at) {
}
