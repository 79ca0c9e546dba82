package org.hetao.estation.feedback;

import java.time.Instant;
import java.time.LocalDate;

/** A bad rating opened a rectification (整改) for a department (and the window, for a counter service). */
public record RectificationOpened(long rectificationId, long evaluationId, String departmentCode, String windowNumber,
		LocalDate deadline, Instant at) {
}
