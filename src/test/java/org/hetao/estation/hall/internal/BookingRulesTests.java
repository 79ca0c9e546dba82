package org.hetao.estation.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rules of appointments and bookings: no-show blocking, the day's slots, overlapping ranges, codes. */
class BookingRulesTests {

	final NoShowPolicy policy = new NoShowPolicy(3, 90, 30);

	final LocalDate today = LocalDate.of(2026, 11, 27);

	@Test
	void threeNoShowsWithinNinetyDaysBlockForThirtyDaysAfterTheLast() {
		List<LocalDate> missed = List.of(today.minusDays(80), today.minusDays(40), today.minusDays(5));
		assertThat(policy.blockedUntil(missed, today)).contains(today.plusDays(25));
		assertThat(policy.blockedUntil(missed, today.plusDays(25))).contains(today.plusDays(25));
		assertThat(policy.blockedUntil(missed, today.plusDays(26))).isEmpty();
	}

	@Test
	void twoNoShowsOrThreeSpreadOverMoreThanNinetyDaysDoNotBlock() {
		assertThat(policy.blockedUntil(List.of(today.minusDays(3), today.minusDays(1)), today)).isEmpty();
		assertThat(policy.blockedUntil(List.of(today.minusDays(100), today.minusDays(40), today.minusDays(5)), today))
			.isEmpty();
	}

	@Test
	void exactlyNinetyDaysFromFirstToLastStillCounts() {
		List<LocalDate> missed = List.of(today.minusDays(89), today.minusDays(50), today);
		assertThat(policy.blockedUntil(missed, today)).contains(today.plusDays(30));
		List<LocalDate> spread = List.of(today.minusDays(90), today.minusDays(50), today);
		assertThat(policy.blockedUntil(spread, today)).isEmpty();
	}

	@Test
	void slotsCutFromTheOpeningPeriodsNeverRunningPastClosing() {
		var periods = List.of(new SlotPlan.Period(LocalTime.of(9, 0), LocalTime.of(10, 45)),
				new SlotPlan.Period(LocalTime.of(13, 30), LocalTime.of(14, 30)));
		var slots = SlotPlan.slots(today, periods, 30, ZoneId.of("Asia/Shanghai"));
		assertThat(slots).extracting(s -> s.start().toLocalTime())
			.containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(13, 30),
					LocalTime.of(14, 0));
		assertThat(slots.get(0).end().toLocalTime()).isEqualTo(LocalTime.of(9, 30));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SlotPlan.Period(LocalTime.of(10, 0), LocalTime.of(9, 0)));
	}

	@Test
	void rangesOverlapOnlyWhenTheyShareTime() {
		TimeRange tenToEleven = new TimeRange(Instant.parse("2030-01-02T02:00:00Z"), Instant.parse("2030-01-02T03:00:00Z"));
		assertThat(tenToEleven.overlaps(new TimeRange(Instant.parse("2030-01-02T02:30:00Z"), Instant.parse("2030-01-02T03:30:00Z")))).isTrue();
		assertThat(tenToEleven.overlaps(new TimeRange(Instant.parse("2030-01-02T01:00:00Z"), Instant.parse("2030-01-02T04:00:00Z")))).isTrue();
		assertThat(tenToEleven.overlaps(new TimeRange(Instant.parse("2030-01-02T03:00:00Z"), Instant.parse("2030-01-02T04:00:00Z")))).isFalse();
		assertThat(tenToEleven.overlaps(new TimeRange(Instant.parse("2030-01-02T01:00:00Z"), Instant.parse("2030-01-02T02:00:00Z")))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new TimeRange(tenToEleven.end(), tenToEleven.start()));
	}

	@Test
	void confirmationCodesAvoidLookAlikesAndAreNormalisedWhenTyped() {
		for (int i = 0; i < 200; i++) {
			assertThat(ConfirmationCodes.next()).hasSize(8).doesNotContainAnyWhitespaces().matches("[2-9A-HJKMNP-Z]{8}");
		}
		assertThat(ConfirmationCodes.normalise(" ab cd-23 45 ")).isEqualTo("ABCD2345");
	}

}
