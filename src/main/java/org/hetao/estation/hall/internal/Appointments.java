package org.hetao.estation.hall.internal;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.hall.AppointmentBooked;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointments (預約) at the hall: slots on Mainland working days within the opening hours, booked
 * online, checked in at the kiosk for a V ticket. A slot is never overbooked: a seat is taken with
 * {@code update hall_slot set booked = booked + 1 where id = ? and booked < capacity}, which the database
 * serialises across nodes (and a check constraint backs up).
 */
@Service
public class Appointments {

	public enum Status {
		BOOKED, CANCELLED, CHECKED_IN, NO_SHOW
	}

	public record Slot(long id, LocalDate date, String category, Instant start, Instant end, int capacity, int booked) {

		public int remaining() {
			return Math.max(capacity - booked, 0);
		}

	}

	public record Appointment(long id, String code, long applicantId, String itemCode, String matterCode,
			String category, long slotId, LocalDate date, Instant start, Instant end, Status status,
			Instant createdAt, Long ticketId) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final HallSettings settings;

	private final Supplier<Optional<Catalog>> catalog;

	private final Supplier<WorkingCalendars> calendars;

	private final QueueTickets tickets;

	private final ApplicationEventPublisher events;

	public Appointments(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, HallSettings settings,
			ObjectProvider<Catalog> catalog, ObjectProvider<WorkingCalendars> calendars, QueueTickets tickets,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
		this.catalog = LateBeans.optional(catalog);
		this.calendars = LateBeans.one(calendars, WorkingCalendars::weekendsOnly);
		this.tickets = tickets;
		this.events = events;
	}

	private ZoneId zone() {
		return clock.getZone();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---------------------------------------------------------------- what can be booked

	/** What the applicant wants to do: an item of the catalogue or a matter; decides the queue category. */
	public record Purpose(String itemCode, String matterCode, String category) {
	}

	public Purpose purpose(String itemCode, String matterCode) {
		boolean item = itemCode != null && !itemCode.isBlank();
		boolean matter = matterCode != null && !matterCode.isBlank();
		if (item == matter) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.purpose",
					List.of(new Problem.FieldError("item", "hall.appointment.purpose.required")));
		}
		Catalog cat = catalog.get().orElse(null);
		if (item) {
			Optional<ServiceItem> found = cat == null ? Optional.empty() : cat.item(itemCode.strip()).filter(ServiceItem::active);
			String category = found.map(ServiceItem::ticketCategory).orElse(null);
			if (found.isEmpty() || category == null || !bookable(category)) {
				throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.purpose",
						List.of(new Problem.FieldError("item", "hall.appointment.item.unknown", itemCode)));
			}
			return new Purpose(found.get().code(), null, category);
		}
		boolean known = cat != null && cat.matter(matterCode.strip()).filter(m -> m.active()).isPresent();
		if (!known) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.purpose",
					List.of(new Problem.FieldError("matter", "hall.appointment.matter.unknown", matterCode)));
		}
		// A matter spans departments: it is handled at a comprehensive window.
		return new Purpose(null, matterCode.strip(), "A");
	}

	private boolean bookable(String category) {
		return settings.appointments().capacityPerSlot().getOrDefault(category, 0) > 0;
	}

	/** The days one may book: Mainland working days from tomorrow up to the booking horizon (today too, for later slots). */
	public List<LocalDate> bookableDates() {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate today = today();
		for (int i = 0; i <= settings.appointments().daysAhead(); i++) {
			LocalDate day = today.plusDays(i);
			if (isWorkingDay(day)) {
				dates.add(day);
			}
		}
		return dates;
	}

	public boolean isWorkingDay(LocalDate day) {
		return calendars.get().isWorkingDay(Jurisdiction.CN, day);
	}

	/** The slots of a day and category with their free seats; empty on a non-working or unbookable day. */
	public List<Slot> slots(String category, LocalDate day) {
		if (!bookable(category) || !bookableDates().contains(day)) {
			return List.of();
		}
		ensureSlots(category, day);
		Instant now = clock.instant();
		return jdbc.sql("select * from hall_slot where slot_date = ? and category = ? order by start_at")
			.params(day, category)
			.query(Appointments::slot)
			.list()
			.stream()
			.filter(s -> s.start().isAfter(now))
			.toList();
	}

	/** Slot rows are created on first sight, each in its own statement; a duplicate means another node made it. */
	void ensureSlots(String category, LocalDate day) {
		int capacity = settings.appointments().capacityPerSlot().getOrDefault(category, 0);
		int existing = jdbc.sql("select count(*) from hall_slot where slot_date = ? and category = ?")
			.params(day, category)
			.query(Integer.class)
			.single();
		List<SlotPlan.Slot> plan = SlotPlan.slots(day, settings.periods(), settings.appointments().slotMinutes(), zone());
		if (existing >= plan.size()) {
			return;
		}
		for (SlotPlan.Slot s : plan) {
			try {
				jdbc.sql("insert into hall_slot (slot_date, category, start_at, end_at, capacity, booked) values (?, ?, ?, ?, ?, 0)")
					.params(day, category, ts(s.start().toInstant()), ts(s.end().toInstant()), capacity)
					.update();
			}
			catch (DuplicateKeyException exists) {
				// already there
			}
		}
	}

	public Optional<Slot> slot(long id) {
		return jdbc.sql("select * from hall_slot where id = ?").param(id).query(Appointments::slot).optional();
	}

	// ---------------------------------------------------------------- booking

	/** Why and until when an applicant may not book online, if blocked. */
	public Optional<LocalDate> blockedUntil(long applicantId) {
		markMissed();
		List<LocalDate> missed = jdbc
			.sql("select slot_date from hall_appointment where applicant_id = ? and status = 'NO_SHOW' and slot_date >= ?")
			.params(applicantId, today().minusDays(settings.appointments().noShowWindowDays() + settings.appointments().blockDays()))
			.query(LocalDate.class)
			.list();
		return settings.appointments().noShowPolicy().blockedUntil(missed, today());
	}

	public Appointment book(long applicantId, Purpose purpose, long slotId) {
		return book(applicantId, purpose, slotId, true);
	}

	/** As {@link #book} but for any future slot, also beyond the public booking horizon (tests, staff tools). */
	Appointment bookAnySlot(long applicantId, Purpose purpose, long slotId) {
		return book(applicantId, purpose, slotId, false);
	}

	private Appointment book(long applicantId, Purpose purpose, long slotId, boolean withinHorizon) {
		blockedUntil(applicantId).ifPresent(until -> {
			throw new Problem(Problem.Kind.FORBIDDEN, "hall.error.blocked", settings.appointments().noShowLimit(),
					settings.appointments().noShowWindowDays(), until);
		});
		Slot slot = bookableSlot(purpose, slotId, withinHorizon);
		// TransactionTemplate (CONVENTIONS): only the seat and the insert are one transaction; the no-show check before
		// commits on its own, and AppointmentBooked is published after the seat's row is released
		Appointment booked = tx.execute(s -> {
			takeSeat(slot);
			return insert(applicantId, purpose, slot);
		});
		events.publishEvent(new AppointmentBooked(booked.code(), applicantId, booked.itemCode(), booked.matterCode(),
				booked.start(), booked.end()));
		return booked;
	}

	private Slot bookableSlot(Purpose purpose, long slotId, boolean withinHorizon) {
		Slot slot = slot(slotId).orElseThrow(() -> new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.slot",
				List.of(new Problem.FieldError("slot", "hall.appointment.slot.unknown"))));
		if (!slot.category().equals(purpose.category()) || !slot.start().isAfter(clock.instant())
				|| (withinHorizon && !bookableDates().contains(slot.date()))) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.slot",
					List.of(new Problem.FieldError("slot", "hall.appointment.slot.unknown")));
		}
		return slot;
	}

	private void takeSeat(Slot slot) {
		int taken = jdbc.sql("update hall_slot set booked = booked + 1 where id = ? and booked < capacity")
			.param(slot.id())
			.update();
		if (taken != 1) {
			throw Problem.conflict("hall.error.slotFull");
		}
	}

	private Appointment insert(long applicantId, Purpose purpose, Slot slot) {
		for (int attempt = 0;; attempt++) {
			String code = ConfirmationCodes.next();
			if (jdbc.sql("select count(*) from hall_appointment where code = ?").param(code).query(Integer.class).single() > 0
					&& attempt < 5) {
				continue;
			}
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into hall_appointment (code, applicant_id, item_code, matter_code, category, slot_id, slot_date,
					  start_at, end_at, status, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?)""")
				.params(code, applicantId, purpose.itemCode(), purpose.matterCode(), purpose.category(), slot.id(),
						slot.date(), ts(slot.start()), ts(slot.end()), ts(clock.instant()))
				.update(keys, "id");
			return byId(keys.getKey().longValue()).orElseThrow();
		}
	}

	/** Object-level check: an applicant sees only their own appointments (others look like they do not exist). */
	public Appointment own(long id, long applicantId) {
		return byId(id).filter(a -> a.applicantId() == applicantId)
			.orElseThrow(() -> Problem.notFound("hall.error.noSuchAppointment"));
	}

	public Appointment cancel(long id, long applicantId) {
		Appointment appointment = changeable(own(id, applicantId));
		tx.executeWithoutResult(s -> release(appointment)); // the same style as booking: only the writes
		return byId(id).orElseThrow();
	}

	/** Moves to another slot: the new seat is taken first, so a full slot leaves the old booking untouched. */
	public Appointment reschedule(long id, long applicantId, long newSlotId) {
		return reschedule(id, applicantId, newSlotId, true);
	}

	Appointment rescheduleAnySlot(long id, long applicantId, long newSlotId) {
		return reschedule(id, applicantId, newSlotId, false);
	}

	private Appointment reschedule(long id, long applicantId, long newSlotId, boolean withinHorizon) {
		Appointment old = changeable(own(id, applicantId));
		if (old.slotId() == newSlotId) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.slot",
					List.of(new Problem.FieldError("slot", "hall.appointment.slot.same")));
		}
		Purpose purpose = new Purpose(old.itemCode(), old.matterCode(), old.category());
		Slot slot = bookableSlot(purpose, newSlotId, withinHorizon);
		// as in booking: the new seat, the old one's release and the insert commit before AppointmentBooked
		Appointment moved = tx.execute(s -> {
			takeSeat(slot);
			release(old);
			return insert(applicantId, purpose, slot);
		});
		events.publishEvent(new AppointmentBooked(moved.code(), applicantId, moved.itemCode(), moved.matterCode(),
				moved.start(), moved.end()));
		return moved;
	}

	private Appointment changeable(Appointment appointment) {
		if (appointment.status() != Status.BOOKED) {
			throw Problem.conflict("hall.error.appointmentNotBooked");
		}
		Instant cutOff = appointment.start().minus(Duration.ofHours(settings.appointments().changeCutOffHours()));
		if (!clock.instant().isBefore(cutOff)) {
			throw new Problem(Problem.Kind.CONFLICT, "hall.error.cutOff", settings.appointments().changeCutOffHours());
		}
		return appointment;
	}

	private void release(Appointment appointment) {
		int updated = jdbc.sql("update hall_appointment set status = 'CANCELLED', changed_at = ?, version = version + 1 where id = ? and status = 'BOOKED'")
			.params(ts(clock.instant()), appointment.id())
			.update();
		if (updated != 1) {
			throw Problem.conflict("hall.error.appointmentNotBooked");
		}
		jdbc.sql("update hall_slot set booked = booked - 1 where id = ? and booked > 0").param(appointment.slotId()).update();
	}

	public List<Appointment> mine(long applicantId) {
		return jdbc.sql("select * from hall_appointment where applicant_id = ? order by start_at desc")
			.param(applicantId)
			.query(Appointments::appointment)
			.list();
	}

	public Optional<Appointment> byId(long id) {
		return jdbc.sql("select * from hall_appointment where id = ?").param(id).query(Appointments::appointment).optional();
	}

	public List<Appointment> upcoming(LocalDate day) {
		return jdbc.sql("select * from hall_appointment where slot_date = ? and status in ('BOOKED', 'CHECKED_IN') order by start_at, id")
			.param(day)
			.query(Appointments::appointment)
			.list();
	}

	// ---------------------------------------------------------------- on the day

	/** Kiosk check-in with the confirmation code: today's booked appointment becomes a V ticket. */
	public Ticket checkIn(String typedCode) {
		String code = ConfirmationCodes.normalise(typedCode);
		Appointment appointment = jdbc.sql("select * from hall_appointment where code = ?")
			.param(code)
			.query(Appointments::appointment)
			.optional()
			.orElseThrow(() -> new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.checkIn",
					List.of(new Problem.FieldError("code", "hall.kiosk.code.unknown"))));
		Instant now = clock.instant();
		if (appointment.status() == Status.CHECKED_IN && appointment.ticketId() != null) {
			return tickets.byId(appointment.ticketId()).orElseThrow();
		}
		if (appointment.status() != Status.BOOKED || !appointment.date().equals(today())) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.checkIn",
					List.of(new Problem.FieldError("code", "hall.kiosk.code.notToday")));
		}
		if (now.isBefore(appointment.start().minus(Duration.ofMinutes(settings.appointments().checkInEarlyMinutes())))) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.checkIn",
					List.of(new Problem.FieldError("code", "hall.kiosk.code.tooEarly")));
		}
		if (!now.isBefore(appointment.end())) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.checkIn",
					List.of(new Problem.FieldError("code", "hall.kiosk.code.tooLate")));
		}
		int claimed = jdbc.sql("update hall_appointment set status = 'CHECKED_IN', changed_at = ? where id = ? and status = 'BOOKED'")
			.params(ts(now), appointment.id())
			.update();
		if (claimed != 1) {
			throw Problem.conflict("hall.error.appointmentNotBooked");
		}
		Ticket ticket = tickets.issue(today(), HallSettings.APPOINTMENT_CATEGORY, HallSettings.APPOINTMENT_CATEGORY, null,
				null, appointment.id(), appointment.start(), appointment.end());
		jdbc.sql("update hall_appointment set ticket_id = ? where id = ?").params(ticket.id(), appointment.id()).update();
		return ticket;
	}

	/** Booked appointments whose slot has ended without a check-in are no-shows. */
	@Scheduled(fixedDelay = 60000, initialDelay = 30000)
	public void markMissed() {
		jdbc.sql("update hall_appointment set status = 'NO_SHOW', changed_at = ? where status = 'BOOKED' and end_at < ?")
			.params(ts(clock.instant()), ts(clock.instant()))
			.update();
	}

	static Slot slot(ResultSet rs, int row) throws SQLException {
		return new Slot(rs.getLong("id"), rs.getObject("slot_date", LocalDate.class), rs.getString("category"),
				instant(rs, "start_at"), instant(rs, "end_at"), rs.getInt("capacity"), rs.getInt("booked"));
	}

	static Appointment appointment(ResultSet rs, int row) throws SQLException {
		return new Appointment(rs.getLong("id"), rs.getString("code"), rs.getLong("applicant_id"),
				rs.getString("item_code"), rs.getString("matter_code"), rs.getString("category"), rs.getLong("slot_id"),
				rs.getObject("slot_date", LocalDate.class), instant(rs, "start_at"), instant(rs, "end_at"),
				Status.valueOf(rs.getString("status")), instant(rs, "created_at"), rs.getObject("ticket_id", Long.class));
	}

}
