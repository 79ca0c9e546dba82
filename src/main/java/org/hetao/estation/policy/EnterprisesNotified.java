package org.hetao.estation.policy;

import java.time.Instant;
import java.util.List;

/**
 * An officer notified the enterprises a run of a policy matched (免申即享). The notification module tells each
 * enterprise of its grant; {@code grants} are only those recorded by this notify: an enterprise already granted
 * the policy (an earlier run) is not told again.
 *
 * @param accountIds the applicant accounts to notify (those of {@code grants})
 */
public record EnterprisesNotified(long runId, String policyCode, String departmentCode, List<Long> accountIds,
		long officerId, Instant at, List<PolicyGrants.Grant> grants) {

	public EnterprisesNotified {
		accountIds = List.copyOf(accountIds);
		grants = List.copyOf(grants);
	}

}
