package org.hetao.estation.exchange;

import java.time.Instant;

/** Every attempt to deliver a task to its department's system failed: the message is a dead letter. */
public record ExchangeDeadLettered(long messageId, String departmentCode, long taskId, String idempotencyKey,
		int attempts, String lastError, Instant at) {
}
