package org.hetao.estation.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Appointments on a real database: capacity per slot (also under concurrent bookers), the cut-off for
 * changes, no-show blocking, object-level checks and the kiosk check-in that issues a V ticket.
 */
@SpringBootTest
class AppointmentIntegrationTests {

	static final Appointments.Purpose COMPREHENSIVE = new Appointments.Purpose(null, "TEST-MATTER", "A");

	@Autowired
	Appointments appointments;

	@Autowired
	HallSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static long applicant() {
		return 5_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	/** A slot of our own (unique start), starting {@code fromNow} from now, with this capacity. */
	long slot(Duration fromNow, int capacity) {
		Instant start = clock.instant().plus(fromNow).plusSeconds(ThreadLocalRandom.current().nextInt(1, 1_000_000) * 60L);
		if (fromNow.abs().compareTo(Duration.ofHours(3)) < 0) {
			start = clock.instant().plus(fromNow).plusMillis(ThreadLocalRandom.current().nextInt(1, 60_000));
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into hall_slot (slot_date, category, start_at, end_at, capacity, booked) values (?, 'A', ?, ?, ?, 0)")
			.params(LocalDate.ofInstant(start, clock.getZone()), OffsetDateTime.ofInstant(start, ZoneOffset.UTC),
					OffsetDateTime.ofInstant(start.plus(Duration.ofMinutes(30)), ZoneOffset.UTC), capacity)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Books directly, as the service does under the hood, for slots outside the public booking horizon. */
	Appointments.Appointment bookDirect(long applicant, long slotId) {
		return appointments.bookAnySlot(applicant, COMPREHENSIVE, slotId);
	}

	@Test
	void theSlotsOfTheNextWorkingDayFollowTheOpeningHoursWithTheirCapacity() {
		LocalDate day = appointments.bookableDates().stream().filter(d -> d.isAfter(appointments.today())).findFirst().orElseThrow();
		List<Appointments.Slot> slots = appointments.slots("A", day);
		int expected = SlotPlan.slots(day, settings.periods(), settings.appointments().slotMinutes(), clock.getZone()).size();
		assertThat(slots).hasSize(expected);
		assertThat(slots).allSatisfy(s -> assertThat(s.capacity()).isEqualTo(settings.appointments().capacityPerSlot().get("A")));
		assertThat(appointments.slots("V", day)).as("V tickets come from check-in, not from booking").isEmpty();
		assertThat(appointments.bookableDates()).allSatisfy(d -> assertThat(appointments.isWorkingDay(d)).isTrue());
	}

	@Test
	void aFullSlotRefusesTheNextBooker() {
		long slot = slot(Duration.ofDays(400), 2);
		bookDirect(applicant(), slot);
		bookDirect(applicant(), slot);
		assertThatThrownBy(() -> bookDirect(applicant(), slot)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).messageKey()).isEqualTo("hall.error.slotFull");
		assertThat(appointments.slot(slot).orElseThrow().booked()).isEqualTo(2);
	}

	@Test
	void fiftyConcurrentBookersForFivePlacesExactlyFiveSucceed() throws Exception {
		long slot = slot(Duration.ofDays(400), 5);
		AtomicInteger full = new AtomicInteger();
		List<Callable<Boolean>> bookers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			bookers.add(() -> {
				try {
					bookDirect(applicant(), slot);
					return true;
				}
				catch (Problem problem) {
					if ("hall.error.slotFull".equals(problem.messageKey())) {
						full.incrementAndGet();
					}
					return false;
				}
			});
		}
		List<Boolean> results = QueueIntegrationTests.runAll(bookers);
		assertThat(results.stream().filter(b -> b).count()).isEqualTo(5);
		assertThat(full.get()).isEqualTo(45);
		assertThat(appointments.slot(slot).orElseThrow().booked()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from hall_appointment where slot_id = ? and status = 'BOOKED'").param(slot)
			.query(Integer.class).single()).isEqualTo(5);
	}

	@Test
	void cancellingFreesThePlaceButOnlyBeforeTheCutOff() {
		long applicant = applicant();
		long later = slot(Duration.ofDays(400), 1);
		Appointments.Appointment a = bookDirect(applicant, later);
		assertThatThrownBy(() -> appointments.cancel(a.id(), applicant + 1)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).kind()).isEqualTo(Problem.Kind.NOT_FOUND);
		assertThat(appointments.cancel(a.id(), applicant).status()).isEqualTo(Appointments.Status.CANCELLED);
		assertThat(appointments.slot(later).orElseThrow().booked()).isZero();
		assertThatThrownBy(() -> appointments.cancel(a.id(), applicant)).isInstanceOf(Problem.class);

		long soon = slot(Duration.ofMinutes(90), 3);
		Appointments.Appointment close = bookDirect(applicant, soon);
		assertThatThrownBy(() -> appointments.cancel(close.id(), applicant)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).messageKey()).isEqualTo("hall.error.cutOff");
		assertThat(appointments.slot(soon).orElseThrow().booked()).isEqualTo(1);
	}

	@Test
	void reschedulingMovesThePlaceAndAFullTargetLeavesTheOldBookingAlone() {
		long applicant = applicant();
		long first = slot(Duration.ofDays(400), 1);
		long second = slot(Duration.ofDays(401), 1);
		long full = slot(Duration.ofDays(402), 1);
		bookDirect(applicant(), full);
		Appointments.Appointment a = bookDirect(applicant, first);
		assertThatThrownBy(() -> appointments.rescheduleAnySlot(a.id(), applicant, full)).isInstanceOf(Problem.class);
		assertThat(appointments.byId(a.id()).orElseThrow().status()).isEqualTo(Appointments.Status.BOOKED);
		Appointments.Appointment moved = appointments.rescheduleAnySlot(a.id(), applicant, second);
		assertThat(moved.slotId()).isEqualTo(second);
		assertThat(moved.code()).isNotEqualTo(a.code());
		assertThat(appointments.byId(a.id()).orElseThrow().status()).isEqualTo(Appointments.Status.CANCELLED);
		assertThat(appointments.slot(first).orElseThrow().booked()).isZero();
		assertThat(appointments.slot(second).orElseThrow().booked()).isEqualTo(1);
	}

	@Test
	void threeNoShowsInNinetyDaysBlockOnlineBookingWithTheDateItEnds() {
		long applicant = applicant();
		LocalDate today = appointments.today();
		long past = slot(Duration.ofDays(400), 10);
		for (int daysAgo : new int[] { 60, 20, 2 }) {
			jdbc.sql("""
					insert into hall_appointment (code, applicant_id, matter_code, category, slot_id, slot_date, start_at, end_at, status, created_at)
					values (?, ?, 'TEST-MATTER', 'A', ?, ?, ?, ?, 'NO_SHOW', ?)""")
				.params(ConfirmationCodes.next() + daysAgo, applicant, past, today.minusDays(daysAgo),
						OffsetDateTime.now(clock).minusDays(daysAgo), OffsetDateTime.now(clock).minusDays(daysAgo).plusMinutes(30),
						OffsetDateTime.now(clock).minusDays(daysAgo + 5))
				.update();
		}
		assertThat(appointments.blockedUntil(applicant)).contains(today.minusDays(2).plusDays(30));
		long slot = slot(Duration.ofDays(400), 3);
		assertThatThrownBy(() -> appointments.book(applicant, COMPREHENSIVE, slot)).isInstanceOf(Problem.class)
			.satisfies(p -> {
				Problem problem = (Problem) p;
				assertThat(problem.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
				assertThat(problem.messageKey()).isEqualTo("hall.error.blocked");
				assertThat(problem.args()).contains(today.plusDays(28));
			});
		assertThat(appointments.blockedUntil(applicant())).isEmpty();
	}

	@Test
	void aMissedSlotBecomesANoShow() {
		long applicant = applicant();
		long slot = slot(Duration.ofDays(400), 1);
		Appointments.Appointment a = bookDirect(applicant, slot);
		jdbc.sql("update hall_appointment set start_at = ?, end_at = ? where id = ?")
			.params(OffsetDateTime.now(clock).minusHours(2), OffsetDateTime.now(clock).minusHours(1), a.id())
			.update();
		appointments.markMissed();
		assertThat(appointments.byId(a.id()).orElseThrow().status()).isEqualTo(Appointments.Status.NO_SHOW);
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void checkingInOnTheDayGivesAVTicketWithTheSlot() {
		long applicant = applicant();
		// A slot of today in the zone's time that has not started (only a future slot can be booked, and the check-in
		// is for the day of the appointment only): in 10 minutes, or halfway to midnight when that is nearer (the
		// slot's start gets up to a minute of its own on top). In the last two minutes of the day, wait for the next.
		Duration untilMidnight = Duration.between(clock.instant(),
				LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		if (untilMidnight.compareTo(Duration.ofMinutes(2)) < 0) {
			sleep(untilMidnight.plusSeconds(1));
			untilMidnight = Duration.ofHours(24);
		}
		Duration offset = untilMidnight.dividedBy(2).compareTo(Duration.ofMinutes(10)) < 0 ? untilMidnight.dividedBy(2)
				: Duration.ofMinutes(10);
		long slot = slot(offset, 2);
		Appointments.Appointment a = bookDirect(applicant, slot);
		Ticket ticket = appointments.checkIn(" " + a.code().substring(0, 4).toLowerCase() + "-" + a.code().substring(4) + " ");
		assertThat(ticket.category()).isEqualTo("V");
		assertThat(ticket.displayNumber()).startsWith("V");
		assertThat(ticket.appointmentId()).isEqualTo(a.id());
		assertThat(ticket.slotStart()).isEqualTo(a.start());
		assertThat(appointments.byId(a.id()).orElseThrow().status()).isEqualTo(Appointments.Status.CHECKED_IN);
		assertThat(appointments.checkIn(a.code()).id()).as("checking in twice shows the same ticket").isEqualTo(ticket.id());
		assertThatThrownBy(() -> appointments.checkIn("ZZZZZZZZ")).isInstanceOf(Problem.class)
			.satisfies(p -> assertThat(((Problem) p).fieldErrors()).extracting(Problem.FieldError::messageKey)
				.containsExactly("hall.kiosk.code.unknown"));
		Appointments.Appointment future = bookDirect(applicant, slot(Duration.ofDays(400), 1));
		assertThatThrownBy(() -> appointments.checkIn(future.code())).isInstanceOf(Problem.class)
			.satisfies(p -> assertThat(((Problem) p).fieldErrors()).extracting(Problem.FieldError::messageKey)
				.containsExactly("hall.kiosk.code.notToday"));
	}

}
