package org.hetao.estation.hall;

import java.time.Instant;
import java.util.List;

/**
 * A window finished serving a ticket. {@code caseReceiptNumbers} are the cases the clerk handled for it
 * (receipt numbers such as {@code HT20261127-000123}, possibly none).
 */
public record TicketServed(long ticketId, String displayNumber, String category, String windowNumber, long clerkId,
		List<String> caseReceiptNumbers, Instant serviceStartedAt, Instant finishedAt) {

	public TicketServed {
		caseReceiptNumbers = List.copyOf(caseReceiptNumbers);
	}

}
