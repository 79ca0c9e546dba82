package org.hetao.estation.hall.internal;

import java.time.Instant;

/** A half-open time range [start, end): a booking ending at 10:00 does not overlap one starting at 10:00. */
public record TimeRange(Instant start, Instant end) {

	public TimeRange {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A range ends after it starts");
		}
	}

	public boolean overlaps(TimeRange other) {
		return start.isBefore(other.end) && other.start.isBefore(end);
	}

}
