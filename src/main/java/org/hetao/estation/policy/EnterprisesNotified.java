package org.hetao.estation.policy;

import java.time.Instant;
import java.util.List;

/**
 * An officer ran a policy against all registered enterprise profiles and notified the ones that
 * qualify (免申即享). The notification module sends the messages.
 *
 * @param accountIds the applicant accounts to notify
 */
public record EnterprisesNotified(long runId, String policyCode, String departmentCode, List<Long> accountIds,
		long officerId, Instant at) {

	public EnterprisesNotified {
		accountIds = List.copyOf(accountIds);
	}

}
