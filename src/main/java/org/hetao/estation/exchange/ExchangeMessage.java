package org.hetao.estation.exchange;

import java.time.Instant;

/**
 * One accepted task handed to a connected department's system, as staff see it.
 *
 * @param idempotencyKey what the department dedups on: the same task acceptance is never two cases there
 * @param payload the JSON message (without its short-lived download links, added at each attempt)
 */
public record ExchangeMessage(long id, String departmentCode, long caseId, long taskId, String receiptNumber,
		String idempotencyKey, String payload, DeliveryStatus status, int attempts, Instant nextAttemptAt,
		Instant lastAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {
}
