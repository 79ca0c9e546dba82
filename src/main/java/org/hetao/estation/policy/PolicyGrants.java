package org.hetao.estation.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The benefits granted without application (免申即享): one per policy and enterprise, recorded when an officer
 * notifies a run's matches, and marked told once the enterprise's messages are written.
 */
public interface PolicyGrants {

	/** Where a grant stands. */
	enum Status {
		/** Recorded at the notify; the enterprise's messages are being written. */
		GRANTED,
		/** The enterprise was told (inbox, and e-mail where it has one and wants it). */
		NOTIFIED;

		public String messageKey() {
			return "policy.grant.status." + name();
		}
	}

	/**
	 * One grant.
	 *
	 * @param amount in CNY, from {@code policy/grants.json}; {@code null} when the policy's benefit is not a fixed
	 * sum (its {@link Policy#benefits()} say what it is)
	 * @param conditionIds the policy's conditions the enterprise met (every one: that is what a match is)
	 * @param messages how many messages (inbox, e-mail…) were written to tell it
	 */
	record Grant(long id, String policyCode, long accountId, long runId, BigDecimal amount, LocalDate grantedOn,
			Status status, List<String> conditionIds, Instant notifiedAt, int messages) {

		public Grant {
			conditionIds = List.copyOf(conditionIds);
		}
	}

	/** The enterprise's grants, newest first. */
	List<Grant> of(long accountId);

	/**
	 * The notification module wrote {@code messages} messages telling the enterprise of the grant; false (and nothing
	 * changes) when it had already been told — the caller then sends nothing.
	 */
	boolean claimTelling(long grantId, Instant at);

	/** How many messages told the enterprise of the grant (after {@link #claimTelling}). */
	void told(long grantId, int messages);

}
