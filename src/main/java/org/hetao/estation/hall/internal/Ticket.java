package org.hetao.estation.hall.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A queue ticket (取號). {@code category} and {@code number} are fixed at issue (A007 stays A007);
 * {@code queueCategory} is where it waits now and changes when a clerk transfers it.
 */
public record Ticket(long id, LocalDate hallDate, String category, String queueCategory, int number,
		String displayNumber, String token, Status status, PriorityReason priorityReason, String phoneMasked,
		Long appointmentId, Instant slotStart, Instant slotEnd, Instant issuedAt, String targetWindow,
		String windowNumber, Long clerkId, Instant calledAt, Instant serviceStartedAt, Instant finishedAt,
		List<String> caseReceipts, String transferredFrom) {

	public enum Status {
		WAITING, CALLED, SERVING, SERVED, NO_SHOW;

		public boolean atWindow() {
			return this == CALLED || this == SERVING;
		}
	}

	/** Why a ticket is called before others (elderly, disabled, pregnant). */
	public enum PriorityReason {
		ELDERLY, DISABLED, PREGNANT
	}

	public Ticket {
		caseReceipts = caseReceipts == null ? List.of() : List.copyOf(caseReceipts);
	}

	public boolean priority() {
		return priorityReason != null;
	}

	public boolean appointment() {
		return appointmentId != null;
	}

	/** Time from issue to the first call, when called. */
	public Duration waited() {
		return calledAt == null ? null : Duration.between(issuedAt, calledAt);
	}

	CallingOrder.Candidate candidate() {
		return new CallingOrder.Candidate(id, queueCategory, priority(), issuedAt, slotStart, slotEnd);
	}

}
