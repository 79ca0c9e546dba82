package org.hetao.estation.hall;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The hall's queue as other modules may read it: how long people waited from taking a ticket to
 * being called, per ticket category, over a period (the supervision dashboard), and how many wait now.
 */
public interface HallQueue {

	/** Waiting times of one ticket category; the durations are zero when nobody was called. */
	record CategoryWaits(String category, int issued, int served, int noShow, Duration averageWait,
			Duration p90Wait) {
	}

	/** Waiting times over the days {@code from}…{@code to}, both included. */
	record Waits(LocalDate from, LocalDate to, int issued, int served, int noShow, Duration averageWait,
			Duration p90Wait, List<CategoryWaits> categories) {
	}

	Waits waits(LocalDate from, LocalDate to);

	/** Tickets waiting to be called today. */
	int waitingNow();

}
