package org.hetao.estation.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hetao.estation.shared.Masking;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The queue's rules, without Spring or a database: numbering, calling order, wait estimates, phone masking. */
class QueueRulesTests {

	static final Instant NINE = Instant.parse("2026-11-27T01:00:00Z");

	static Instant at(int minutes) {
		return NINE.plus(Duration.ofMinutes(minutes));
	}

	static CallingOrder.Candidate walkIn(long id, int issuedAt) {
		return new CallingOrder.Candidate(id, "A", false, at(issuedAt), null, null);
	}

	static CallingOrder.Candidate priority(long id, int issuedAt) {
		return new CallingOrder.Candidate(id, "A", true, at(issuedAt), null, null);
	}

	static CallingOrder.Candidate appointment(long id, int issuedAt, int slotStart, int slotEnd) {
		return new CallingOrder.Candidate(id, "V", false, at(issuedAt), at(slotStart), at(slotEnd));
	}

	static List<Long> ids(List<CallingOrder.Candidate> ordered) {
		return ordered.stream().map(CallingOrder.Candidate::id).toList();
	}

	@Nested
	class Numbering {

		@Test
		void categoryLetterAndAtLeastThreeDigits() {
			assertThat(TicketNumbers.display("A", 1)).isEqualTo("A001");
			assertThat(TicketNumbers.display("B", 42)).isEqualTo("B042");
			assertThat(TicketNumbers.display("V", 999)).isEqualTo("V999");
			assertThat(TicketNumbers.display("C", 1000)).isEqualTo("C1000");
		}

		@Test
		void refusesNonsense() {
			assertThatIllegalArgumentException().isThrownBy(() -> TicketNumbers.display("a", 1));
			assertThatIllegalArgumentException().isThrownBy(() -> TicketNumbers.display("AB", 1));
			assertThatIllegalArgumentException().isThrownBy(() -> TicketNumbers.display("A", 0));
		}

	}

	@Nested
	class Calling {

		@Test
		void firstComeFirstServedAmongOrdinaryTickets() {
			assertThat(ids(CallingOrder.order(List.of(walkIn(3, 20), walkIn(1, 5), walkIn(2, 10)), at(30))))
				.containsExactly(1L, 2L, 3L);
		}

		@Test
		void priorityTicketsBeforeOrdinaryOnes() {
			assertThat(ids(CallingOrder.order(List.of(walkIn(1, 0), priority(2, 10), walkIn(3, 11), priority(4, 12)),
					at(30))))
				.containsExactly(2L, 4L, 1L, 3L);
		}

		@Test
		void appointmentHoldersWithinTheirSlotComeFirstEarliestSlotFirst() {
			var order = CallingOrder.order(List.of(walkIn(1, 0), priority(2, 1), appointment(3, 25, 30, 60),
					appointment(4, 5, 0, 30 + 30)), at(35));
			assertThat(ids(order)).containsExactly(4L, 3L, 2L, 1L);
		}

		@Test
		void appointmentHolderBeforeOrAfterTheSlotWaitsLikeEveryoneElse() {
			// arrived early for the 10:00 slot, it is 09:40: no precedence yet
			assertThat(ids(CallingOrder.order(List.of(walkIn(1, 0), appointment(2, 30, 60, 90)), at(40))))
				.containsExactly(1L, 2L);
			// the slot has ended: ordinary place by time of issue
			assertThat(ids(CallingOrder.order(List.of(walkIn(1, 50), appointment(2, 30, 60, 90)), at(100))))
				.containsExactly(2L, 1L);
			// priority still goes before a late appointment holder
			assertThat(ids(CallingOrder.order(List.of(priority(1, 50), appointment(2, 30, 60, 90)), at(100))))
				.containsExactly(1L, 2L);
		}

		@Test
		void slotBoundariesAreHalfOpen() {
			var slotFrom60 = appointment(2, 0, 60, 90);
			assertThat(ids(CallingOrder.order(List.of(walkIn(1, 0), slotFrom60), at(60)))).containsExactly(2L, 1L);
			assertThat(ids(CallingOrder.order(List.of(walkIn(1, 0), slotFrom60), at(90)))).containsExactly(1L, 2L);
		}

	}

	@Nested
	class Waiting {

		@Test
		void defaultBeforeAnyServiceTodayThenTheAverage() {
			assertThat(WaitEstimate.averageService(List.of(), Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(8));
			assertThat(WaitEstimate.averageService(List.of(Duration.ofMinutes(4), Duration.ofMinutes(6)),
					Duration.ofMinutes(8)))
				.isEqualTo(Duration.ofMinutes(5));
		}

		@Test
		void peopleAheadSharedByTheWindowsRoundedUp() {
			assertThat(WaitEstimate.minutes(0, Duration.ofMinutes(5), 2)).isZero();
			assertThat(WaitEstimate.minutes(3, Duration.ofMinutes(5), 1)).isEqualTo(15);
			assertThat(WaitEstimate.minutes(3, Duration.ofMinutes(5), 2)).isEqualTo(8);
			assertThat(WaitEstimate.minutes(3, Duration.ofMinutes(5), 0)).isEqualTo(15);
		}

		@Test
		void ninetiethPercentileByNearestRank() {
			List<Duration> waits = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(Duration::ofMinutes).toList();
			assertThat(WaitEstimate.percentile(waits, 90)).isEqualTo(Duration.ofMinutes(9));
			assertThat(WaitEstimate.percentile(List.of(Duration.ofMinutes(7)), 90)).isEqualTo(Duration.ofMinutes(7));
			assertThat(WaitEstimate.percentile(List.of(), 90)).isEqualTo(Duration.ZERO);
			assertThat(WaitEstimate.average(waits)).isEqualTo(Duration.ofSeconds(330));
		}

	}

	@Nested
	class PhoneNumbers {

		@Test
		void shownOnlyWithTheLastFourDigits() {
			assertThat(Masking.phone("+852 9123 4567")).isEqualTo("+852 **** 4567");
			assertThat(Masking.phone(org.hetao.estation.shared.PhoneNumbers.normalise("+86 138 0013 8000")))
				.isEqualTo("+86 *** **** 8000");
			assertThat(Masking.phone("91234567")).isEqualTo("**** 4567");
		}

		@Test
		void looselyValidated() {
			assertThat(org.hetao.estation.shared.PhoneNumbers.isValid("+852 9123 4567")).isTrue();
			assertThat(org.hetao.estation.shared.PhoneNumbers.isValid("138-0013-8000")).isTrue();
			assertThat(org.hetao.estation.shared.PhoneNumbers.isValid("call me")).isFalse();
			assertThat(org.hetao.estation.shared.PhoneNumbers.isValid("123")).isFalse();
		}

	}

}
