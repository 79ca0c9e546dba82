package org.hetao.estation.hall;

import java.time.Instant;

/** An applicant booked (or rescheduled to) a hall appointment slot. */
public record AppointmentBooked(String code, long applicantId, String itemCode, String matterCode, Instant startsAt,
		Instant endsAt) {
}
