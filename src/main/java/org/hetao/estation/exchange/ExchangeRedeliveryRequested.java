package org.hetao.estation.exchange;

import java.time.Instant;

/** A member of staff sent a dead letter to its department's system again. */
public record ExchangeRedeliveryRequested(long messageId, String departmentCode, long taskId, long byAccountId,
		Instant at) {
}
