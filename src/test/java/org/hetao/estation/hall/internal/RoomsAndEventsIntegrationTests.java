package org.hetao.estation.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Rooms and spaces: no overlapping bookings (also under concurrent bookers), approval where required,
 * cancellation and object-level checks; events: capacity, a waiting list that moves up, the attendee list.
 */
@SpringBootTest
class RoomsAndEventsIntegrationTests {

	@Autowired
	RoomBookings rooms;

	@Autowired
	ExhibitionEvents events;

	@Autowired
	Clock clock;

	/** A start of our own far in the future, on the hour, so tests never collide. */
	Instant ownHour() {
		return LocalDate.now(clock)
			.plusDays(2000 + ThreadLocalRandom.current().nextInt(200_000))
			.atTime(10, 0)
			.atZone(clock.getZone())
			.toInstant();
	}

	static TimeRange range(Instant start, int fromMinutes, int toMinutes) {
		return new TimeRange(start.plus(Duration.ofMinutes(fromMinutes)), start.plus(Duration.ofMinutes(toMinutes)));
	}

	static long someone() {
		return 3_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	@Test
	void overlappingBookingsOfARoomAreRefusedAdjacentOnesAllowed() {
		Room room = rooms.room("NEG-1");
		Instant ten = ownHour();
		long booker = someone();
		RoomBookings.Booking first = rooms.book(room, booker, "Co A", range(ten, 0, 60), "Negotiation", 4);
		assertThat(first.status()).as("NEG-1 needs no approval").isEqualTo(RoomBookings.Status.APPROVED);
		assertThatThrownBy(() -> rooms.book(room, someone(), "Co B", range(ten, 30, 90), "Overlap", 2))
			.isInstanceOf(Problem.class).extracting(p -> ((Problem) p).messageKey()).isEqualTo("hall.error.roomTaken");
		assertThatThrownBy(() -> rooms.book(room, someone(), "Co B", range(ten, -30, 120), "Around", 2))
			.isInstanceOf(Problem.class);
		assertThat(rooms.book(room, someone(), "Co C", range(ten, 60, 120), "Right after", 2).status())
			.isEqualTo(RoomBookings.Status.APPROVED);
		assertThat(rooms.book(rooms.room("NEG-2"), someone(), "Co D", range(ten, 0, 60), "Other room", 2)).isNotNull();
		// once cancelled, the time is free again
		assertThatThrownBy(() -> rooms.cancel(first.id(), booker + 1)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).kind()).isEqualTo(Problem.Kind.NOT_FOUND);
		rooms.cancel(first.id(), booker);
		assertThat(rooms.book(room, someone(), "Co E", range(ten, 0, 60), "Freed", 2)).isNotNull();
	}

	@Test
	void tenConcurrentBookersOfOverlappingTimesOnlyOneWins() throws Exception {
		Room room = rooms.room("EXPO-HALL");
		Instant ten = ownHour();
		List<Callable<Boolean>> bookers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			int offset = i * 10;
			bookers.add(() -> {
				try {
					rooms.book(room, someone(), "Co", range(ten, offset, offset + 120), "Exhibition", 50);
					return true;
				}
				catch (Problem taken) {
					return false;
				}
			});
		}
		assertThat(QueueIntegrationTests.runAll(bookers).stream().filter(b -> b).count()).isEqualTo(1);
		LocalDate day = LocalDate.ofInstant(ten, clock.getZone());
		assertThat(rooms.onDay("EXPO-HALL", day)).hasSize(1);
	}

	@Test
	void roomsNeedingApprovalWaitForTheHallManager() {
		Instant ten = ownHour();
		RoomBookings.Booking pending = rooms.book(rooms.room("NEG-2"), someone(), "Co", range(ten, 0, 60), "Signing", 10);
		assertThat(pending.status()).isEqualTo(RoomBookings.Status.PENDING);
		assertThat(rooms.pending()).extracting(RoomBookings.Booking::id).contains(pending.id());
		assertThatThrownBy(() -> rooms.book(rooms.room("NEG-2"), someone(), "Co", range(ten, 30, 60), "x", 2))
			.as("a pending booking holds the room").isInstanceOf(Problem.class);
		assertThat(rooms.decide(pending.id(), true, 1L).status()).isEqualTo(RoomBookings.Status.APPROVED);
		assertThatThrownBy(() -> rooms.decide(pending.id(), false, 1L)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).messageKey()).isEqualTo("hall.error.bookingNotPending");
	}

	@Test
	void theRequestIsCheckedFieldByFieldAndOnlyEnterprisesBook() {
		assertThatThrownBy(() -> rooms.book(1L, "Person", false,
				new RoomBookings.Request("NEG-1", LocalDate.now(clock).plusDays(3), LocalTime.of(10, 0), LocalTime.of(11, 0), "x", 2)))
			.isInstanceOf(Problem.class).extracting(p -> ((Problem) p).kind()).isEqualTo(Problem.Kind.FORBIDDEN);
		assertThatThrownBy(() -> rooms.book(1L, "Co", true,
				new RoomBookings.Request("NEG-1", LocalDate.now(clock).minusDays(1), LocalTime.of(8, 0), LocalTime.of(7, 0), " ", 99)))
			.isInstanceOf(Problem.class)
			.satisfies(p -> assertThat(((Problem) p).fieldErrors()).extracting(Problem.FieldError::field)
				.contains("purpose", "attendees", "to", "date"));
		assertThatThrownBy(() -> rooms.book(1L, "Co", true,
				new RoomBookings.Request("NEG-1", LocalDate.now(clock).plusDays(3), LocalTime.of(7, 0), LocalTime.of(9, 30), "Early", 2)))
			.isInstanceOf(Problem.class)
			.satisfies(p -> assertThat(((Problem) p).fieldErrors()).extracting(Problem.FieldError::messageKey)
				.containsExactly("hall.rooms.outsideHours"));
	}

	@Test
	void aFullEventHasAWaitingListThatMovesUpWhenSomeoneCancels() {
		String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
		Instant start = ownHour();
		events.create(code, LocalizedText.of("測試活動", "测试活动", "Test event"), LocalizedText.of("說明", "说明", "About"),
				"NEG-1", start, start.plus(Duration.ofHours(1)), 2, "organiser-" + code);
		long eventId = events.upcoming().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow().id();
		long a = someone();
		long b = someone();
		long c = someone();
		long d = someone();
		assertThat(events.register(eventId, a, "A").status()).isEqualTo(ExhibitionEvents.Status.REGISTERED);
		assertThat(events.register(eventId, b, "B").status()).isEqualTo(ExhibitionEvents.Status.REGISTERED);
		assertThat(events.register(eventId, c, "C").status()).isEqualTo(ExhibitionEvents.Status.WAITLISTED);
		assertThat(events.register(eventId, d, "D").status()).isEqualTo(ExhibitionEvents.Status.WAITLISTED);
		assertThatThrownBy(() -> events.register(eventId, a, "A")).isInstanceOf(Problem.class);
		assertThat(events.event(eventId).free()).isZero();

		events.cancel(eventId, a);
		assertThat(events.registrationOf(eventId, c).orElseThrow().status()).isEqualTo(ExhibitionEvents.Status.REGISTERED);
		assertThat(events.registrationOf(eventId, d).orElseThrow().status()).isEqualTo(ExhibitionEvents.Status.WAITLISTED);
		assertThat(events.event(eventId).registered()).isEqualTo(2);

		events.cancel(eventId, d);
		events.cancel(eventId, b);
		assertThat(events.event(eventId).registered()).as("nobody left to move up").isEqualTo(1);

		assertThat(events.attendees(eventId, "organiser-" + code, false)).extracting(ExhibitionEvents.Registration::userName)
			.containsExactly("C");
		assertThat(events.attendees(eventId, "somebody-else", true)).hasSize(1);
		assertThatThrownBy(() -> events.attendees(eventId, "somebody-else", false)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).kind()).isEqualTo(Problem.Kind.FORBIDDEN);
		// the event occupies its room
		assertThatThrownBy(() -> rooms.book(rooms.room("NEG-1"), someone(), "Co", range(start, 30, 90), "Clash", 2))
			.isInstanceOf(Problem.class);
	}

	@Test
	void demoEventsAreLoadedFromTheDataFile() {
		assertThat(events.upcoming()).extracting(ExhibitionEvents.Event::code)
			.contains("EVT-STARTUP-EXCHANGE", "EVT-POLICY-BRIEFING", "EVT-IP-CLINIC");
		assertThat(rooms.rooms()).extracting(Room::code).contains("NEG-1", "NEG-2", "EXPO-HALL");
	}

}
