package org.hetao.estation.hall;

import java.time.Instant;

/**
 * A queue ticket was called (or called again) to a window. Published after the call is committed.
 *
 * @param displayNumber what the board shows, e.g. {@code A007}
 * @param smsPhone the phone number the applicant left for an SMS call, {@code null} when none
 * @param recall true when the same ticket is called again
 */
public record TicketCalled(long ticketId, String displayNumber, String windowNumber, String smsPhone, boolean recall,
		Instant calledAt) {
}
