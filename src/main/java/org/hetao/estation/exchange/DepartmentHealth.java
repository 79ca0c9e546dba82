package org.hetao.estation.exchange;

import java.time.Instant;

/**
 * How the exchange with one connected department goes.
 *
 * @param pending waiting for a (next) attempt or being sent
 * @param failed dead letters
 * @param lastError the error of the latest failed attempt, if any
 */
public record DepartmentHealth(String departmentCode, String endpointHost, long delivered, long pending, long failed,
		String lastError, Instant lastErrorAt, Instant lastDeliveredAt) {
}
