package org.hetao.estation.hall.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.hetao.estation.hall.TicketCalled;
import org.hetao.estation.hall.TicketServed;
import org.hetao.estation.shared.Databases;
import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.Masking;
import org.hetao.estation.shared.PersonalDataCipher;
import org.hetao.estation.shared.PhoneNumbers;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.ReceiptNumberFormat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

/**
 * The queue: issuing tickets, calling them to windows and serving them. Two guarantees rest on the
 * database, not on this JVM, so they hold with several application nodes: ticket numbers come from a
 * per-day-per-category counter row incremented in the issuing transaction (plus a unique key), and a
 * ticket is claimed for a window by a conditional update that only one caller can win.
 */
@Service
public class QueueTickets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final HallSettings settings;

	private final ApplicationEventPublisher events;

	private final WindowSessions sessions;

	/** The phone number left for the SMS call is encrypted at rest until the ticket is finished. */
	public static final EncryptedColumn PHONE = EncryptedColumn.value("hall_ticket", "phone");

	private final PersonalDataCipher cipher;

	/** Whether the database is PostgreSQL (a ticket is then issued in one statement; H2 needs two). */
	private final boolean postgres;

	public QueueTickets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, HallSettings settings,
			ApplicationEventPublisher events, WindowSessions sessions, PersonalDataCipher cipher,
			javax.sql.DataSource dataSource) {
		this.postgres = Databases.isPostgres(dataSource);
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
		this.events = events;
		this.sessions = sessions;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---------------------------------------------------------------- issuing

	/** A walk-in ticket from the kiosk. */
	public Ticket issue(String category, String phone, Ticket.PriorityReason priority) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (category == null || settings.category(category).filter(c -> !c.appointments()).isEmpty()) {
			errors.add(new Problem.FieldError("category", "hall.kiosk.category.invalid"));
		}
		PhoneNumbers.fault(phone)
			.ifPresent(fault -> errors.add(new Problem.FieldError("phone", fault.messageKey())));
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.invalidTicket", errors);
		}
		return issue(today(), category, category, phone, priority, null, null, null);
	}

	/**
	 * Issues a ticket on {@code day}: the number is drawn from the counter row in the same transaction
	 * as the insert, so concurrent issuers on any node get consecutive, distinct numbers. Two statements: the
	 * counter's increment, which holds its row until commit, and the insert, which reads the number drawn
	 * from the counter row itself and hands back the ticket's id and number. The day's counter row is created
	 * by the first ticket of the day.
	 */
	Ticket issue(LocalDate day, String category, String queueCategory, String phone, Ticket.PriorityReason priority,
			Long appointmentId, Instant slotStart, Instant slotEnd) {
		TicketNumbers.display(category, 1); // checks the category: one upper-case letter
		Instant now = clock.instant();
		String number = phone == null || phone.isBlank() ? null : PhoneNumbers.normalise(phone);
		String masked = number == null ? null : Masking.phone(number);
		String token = token();
		String encryptedPhone = cipher.encrypt(number, PHONE.context());
		List<Object> values = Arrays.asList(day, category, queueCategory, token,
				priority == null ? null : priority.name(), encryptedPhone, masked, appointmentId, ts(slotStart),
				ts(slotEnd), ts(now), day, category);
		// TransactionTemplate (CONVENTIONS): a hot path; the transaction holds the counter row only for the two writes
		Map<String, Object> issued = tx.execute(status -> {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			if (postgres) {
				// one statement: the counter's row is locked only while it runs and the commit follows at once
				if (jdbc.sql("with drawn as (update hall_ticket_counter set next_number = next_number + 1"
						+ " where hall_date = ? and category = ? returning next_number, category) " + INSERT_TICKET + " drawn")
					.params(Stream.concat(Stream.of(day, category), values.subList(0, values.size() - 2).stream()).toList())
					.update(keys, "id", "number", "display_number") == 1) {
					return keys.getKeys();
				}
				createCounter(day, category);
				return issue(values, keys);
			}
			if (draw(day, category) != 1) {
				createCounter(day, category);
			}
			else {
				return insert(values, keys);
			}
			return issue(values, keys);
		});
		int drawn = ((Number) value(issued, "number")).intValue();
		return new Ticket(((Number) value(issued, "id")).longValue(), day, category, queueCategory, drawn,
				(String) value(issued, "display_number"), token, Ticket.Status.WAITING, priority, masked, appointmentId,
				slotStart, slotEnd, now, null, null, null, null, null, null, List.of(), null);
	}

	/** A generated key by its column name, whatever case the driver reports it in. */
	private static Object value(Map<String, Object> keys, String column) {
		return keys.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(column))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + column + " among the generated keys " + keys.keySet()));
	}

	/** The ticket's columns, its number and display number taken from the counter row {@code from} names. */
	private static final String INSERT_TICKET = """
			insert into hall_ticket (hall_date, category, queue_category, number, display_number, token, status,
			  priority_reason, phone, phone_masked, appointment_id, slot_start, slot_end, issued_at)
			select ?, ?, ?, next_number,
			  category || case when next_number < 1000 then lpad(cast(next_number as varchar(10)), 3, '0')
			                   else cast(next_number as varchar(10)) end,
			  ?, 'WAITING', ?, ?, ?, ?, ?, ?, ?
			from""";

	/** Draws a number from the (existing) counter row and inserts the ticket with it. */
	private Map<String, Object> issue(List<Object> values, org.springframework.jdbc.support.KeyHolder keys) {
		LocalDate day = (LocalDate) values.get(0);
		String category = (String) values.get(1);
		if (draw(day, category) != 1) {
			throw new IllegalStateException("No ticket counter for " + day + " " + category);
		}
		return insert(values, keys);
	}

	private Map<String, Object> insert(List<Object> values, org.springframework.jdbc.support.KeyHolder keys) {
		jdbc.sql(INSERT_TICKET + " hall_ticket_counter where hall_date = ? and category = ?")
			.params(values)
			.update(keys, "id", "number", "display_number");
		return keys.getKeys();
	}

	private int draw(LocalDate day, String category) {
		return jdbc.sql("update hall_ticket_counter set next_number = next_number + 1 where hall_date = ? and category = ?")
			.params(day, category)
			.update();
	}

	/** The day's counter row, created by its first ticket; a race with another issuer (any node) is fine. */
	private void createCounter(LocalDate day, String category) {
		jdbc.sql("insert into hall_ticket_counter (hall_date, category, next_number) values (?, ?, 0) on conflict do nothing")
			.params(day, category)
			.update();
	}

	private static String token() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	// ---------------------------------------------------------------- reading

	public Optional<Ticket> byId(long id) {
		return jdbc.sql("select * from hall_ticket where id = ?").param(id).query(QueueTickets::ticket).optional();
	}

	public Optional<Ticket> byToken(String token) {
		if (token == null || !token.matches("[0-9a-f]{24}")) {
			return Optional.empty();
		}
		return jdbc.sql("select * from hall_ticket where token = ?").param(token).query(QueueTickets::ticket).optional();
	}

	/** The ticket being called or served at a window today. */
	public Optional<Ticket> current(String window) {
		return jdbc
			.sql("select * from hall_ticket where hall_date = ? and window_number = ? and status in ('CALLED', 'SERVING') order by called_at desc")
			.params(today(), window)
			.query(QueueTickets::ticket)
			.list()
			.stream()
			.findFirst();
	}

	public List<Ticket> waiting(LocalDate day) {
		return jdbc.sql("select * from hall_ticket where hall_date = ? and status = 'WAITING' order by issued_at, id")
			.param(day)
			.query(QueueTickets::ticket)
			.list();
	}

	public List<Ticket> tickets(LocalDate day) {
		return jdbc.sql("select * from hall_ticket where hall_date = ? order by issued_at, id")
			.param(day)
			.query(QueueTickets::ticket)
			.list();
	}

	/** Waiting tickets per queue category, every configured category present (0 when none). */
	public Map<String, Integer> waitingCounts(LocalDate day) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		settings.categories().forEach(c -> counts.put(c.code(), 0));
		jdbc.sql("select queue_category, count(*) as n from hall_ticket where hall_date = ? and status = 'WAITING' group by queue_category")
			.param(day)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Where a ticket stands: how many are ahead of it in its category, and an estimated wait. */
	public record Position(int ahead, long estimatedMinutes) {
	}

	public Position position(Ticket ticket) {
		if (ticket.status() != Ticket.Status.WAITING) {
			return new Position(0, 0);
		}
		Instant now = clock.instant();
		List<CallingOrder.Candidate> queue = waiting(ticket.hallDate()).stream()
			.filter(t -> t.queueCategory().equals(ticket.queueCategory()))
			.map(Ticket::candidate)
			.toList();
		List<CallingOrder.Candidate> ordered = CallingOrder.order(queue, now);
		int ahead = 0;
		for (CallingOrder.Candidate c : ordered) {
			if (c.id() == ticket.id()) {
				break;
			}
			ahead++;
		}
		int windows = (int) settings.windows().stream().filter(w -> w.serves(ticket.queueCategory())).count();
		long signedIn = sessions.signedIn().keySet().stream()
			.filter(n -> settings.window(n).map(w -> w.serves(ticket.queueCategory())).orElse(false))
			.count();
		return new Position(ahead,
				WaitEstimate.minutes(ahead, averageService(ticket.hallDate(), ticket.queueCategory()),
						signedIn > 0 ? (int) signedIn : Math.min(windows, 1)));
	}

	/** Average of the day's finished services in the category, or its configured default. */
	public Duration averageService(LocalDate day, String category) {
		List<Duration> durations = jdbc
			.sql("select service_started_at, finished_at from hall_ticket where hall_date = ? and queue_category = ? and status = 'SERVED' and service_started_at is not null")
			.params(day, category)
			.query((rs, i) -> Duration.between(instant(rs, "service_started_at"), instant(rs, "finished_at")))
			.list();
		int defaultMinutes = settings.category(category).map(HallSettings.Category::defaultServiceMinutes).orElse(10);
		return WaitEstimate.averageService(durations, Duration.ofMinutes(defaultMinutes));
	}

	// ---------------------------------------------------------------- calling

	/** The clerk at {@code window} calls the next ticket the window may serve; empty when nobody waits. */
	public Optional<Ticket> callNext(String window, long clerkId) {
		requireSignedIn(window, clerkId);
		current(window).ifPresent(t -> {
			throw Problem.conflict("hall.error.finishCurrent", t.displayNumber());
		});
		return claimNext(today(), window, clerkId);
	}

	/**
	 * Claims the first candidate in calling order that is still waiting and that no other window is claiming
	 * at this moment: its row is locked with {@code for update skip locked}, so of several windows calling at
	 * once each takes a different ticket without waiting for the others, and no ticket is called twice. One
	 * short transaction: the lock, the update and the call's record; the ticket and its phone number come
	 * from the candidates' read.
	 */
	public Optional<Ticket> claimNext(LocalDate day, String windowNumber, long clerkId) {
		HallSettings.Window window = settings.window(windowNumber)
			.orElseThrow(() -> Problem.notFound("hall.error.noSuchWindow", windowNumber));
		Map<Long, String> phones = new java.util.HashMap<>();
		Map<Long, Ticket> waiting = new java.util.HashMap<>();
		jdbc.sql("select * from hall_ticket where hall_date = ? and status = 'WAITING' and (target_window is null or target_window = ?)")
			.params(day, windowNumber)
			.query((rs, row) -> {
				Ticket t = ticket(rs, row);
				phones.put(t.id(), rs.getString("phone"));
				return t;
			})
			.list()
			.stream()
			.filter(t -> windowNumber.equals(t.targetWindow()) || window.serves(t.queueCategory()))
			.forEach(t -> waiting.put(t.id(), t));
		Instant now = clock.instant();
		List<CallingOrder.Candidate> ordered = CallingOrder.order(waiting.values().stream().map(Ticket::candidate).toList(), now);
		// TransactionTemplate (CONVENTIONS): a hot path; the waiting tickets are read and ordered before, with no lock held
		return Optional.ofNullable(tx.execute(s -> {
			for (CallingOrder.Candidate candidate : ordered) {
				// a ticket another window is claiming right now is passed over at once, not waited for
				if (!claim(candidate.id(), windowNumber, clerkId, now)) {
					continue;
				}
				Ticket t = waiting.get(candidate.id());
				Ticket called = new Ticket(t.id(), t.hallDate(), t.category(), t.queueCategory(), t.number(),
						t.displayNumber(), t.token(), Ticket.Status.CALLED, t.priorityReason(), t.phoneMasked(),
						t.appointmentId(), t.slotStart(), t.slotEnd(), t.issuedAt(), t.targetWindow(), windowNumber,
						clerkId, now, null, null, t.caseReceipts(), t.transferredFrom());
				recordCall(called, windowNumber, false, now, phones.get(t.id()));
				return called;
			}
			return null;
		}));
	}

	/** Takes a waiting ticket for the window unless another window holds it this moment; in one statement on PostgreSQL. */
	private boolean claim(long id, String windowNumber, long clerkId, Instant now) {
		String claim = "update hall_ticket set status = 'CALLED', window_number = ?, clerk_id = ?, called_at = ? where id = ";
		String free = "select id from hall_ticket where id = ? and status = 'WAITING' for update skip locked";
		if (postgres) {
			return jdbc.sql(claim + "(" + free + ")").params(windowNumber, clerkId, ts(now), id).update() == 1;
		}
		if (jdbc.sql(free).param(id).query(Long.class).list().isEmpty()) {
			return false;
		}
		return jdbc.sql(claim + "?").params(windowNumber, clerkId, ts(now), id).update() == 1;
	}

	private void recordCall(Ticket ticket, String window, boolean recall, Instant now) {
		String phone = jdbc.sql("select phone from hall_ticket where id = ?")
			.param(ticket.id())
			.query((rs, i) -> rs.getString(1))
			.list()
			.get(0);
		recordCall(ticket, window, recall, now, phone);
	}

	private void recordCall(Ticket ticket, String window, boolean recall, Instant now, String encryptedPhone) {
		jdbc.sql("insert into hall_ticket_call (ticket_id, hall_date, display_number, window_number, recall, called_at) values (?, ?, ?, ?, ?, ?)")
			.params(ticket.id(), ticket.hallDate(), ticket.displayNumber(), window, recall, ts(now))
			.update();
		events.publishEvent(new TicketCalled(ticket.id(), ticket.displayNumber(), window,
				cipher.decrypt(encryptedPhone, PHONE.context()), recall, now));
	}

	/** Calls the window's current ticket again (the applicant did not come yet). */
	public Ticket recall(long ticketId, long clerkId) {
		Ticket ticket = atClerksWindow(ticketId, clerkId, Ticket.Status.CALLED);
		Instant now = clock.instant();
		tx.executeWithoutResult(s -> recordCall(ticket, ticket.windowNumber(), true, now)); // as calling: only the writes
		return ticket;
	}

	public Ticket startService(long ticketId, long clerkId) {
		Ticket ticket = atClerksWindow(ticketId, clerkId, Ticket.Status.CALLED);
		transition(ticket, "CALLED", "update hall_ticket set status = 'SERVING', service_started_at = ? where id = ? and status = 'CALLED'",
				ts(clock.instant()), ticket.id());
		return byId(ticketId).orElseThrow();
	}

	/**
	 * Finishes the service, linking the cases handled (receipt numbers such as HT20261127-000123). The
	 * phone number left for the SMS call has served its purpose and is erased (the masked form stays).
	 */
	public Ticket finish(long ticketId, long clerkId, List<String> receipts) {
		List<String> clean = receipts == null ? List.of()
				: receipts.stream().map(String::strip).filter(r -> !r.isEmpty()).distinct().toList();
		List<Problem.FieldError> errors = clean.stream()
			.filter(r -> !ReceiptNumberFormat.matches(r))
			.map(r -> new Problem.FieldError("caseReceipts", "hall.counter.receipts.invalid", r))
			.toList();
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.invalidReceipts", errors);
		}
		Ticket ticket = atClerksWindow(ticketId, clerkId, Ticket.Status.SERVING);
		Instant now = clock.instant();
		// as calling: only the writes are the transaction; the ticket is read again after the commit
		tx.executeWithoutResult(s -> {
			transition(ticket, "SERVING", "update hall_ticket set status = 'SERVED', finished_at = ?, case_receipts = ?, phone = null where id = ? and status = 'SERVING'",
					ts(now), String.join(",", clean), ticket.id());
			events.publishEvent(new TicketServed(ticket.id(), ticket.displayNumber(), ticket.queueCategory(),
					ticket.windowNumber(), clerkId, clean, ticket.serviceStartedAt(), now));
		});
		return byId(ticketId).orElseThrow();
	}

	public Ticket noShow(long ticketId, long clerkId) {
		Ticket ticket = atClerksWindow(ticketId, clerkId, Ticket.Status.CALLED);
		// as calling: only the writes are the transaction; the ticket is read again after the commit
		tx.executeWithoutResult(s -> {
			transition(ticket, "CALLED", "update hall_ticket set status = 'NO_SHOW', finished_at = ?, phone = null where id = ? and status = 'CALLED'",
					ts(clock.instant()), ticket.id());
			if (ticket.appointmentId() != null) {
				jdbc.sql("update hall_appointment set status = 'NO_SHOW', changed_at = ? where id = ?")
					.params(ts(clock.instant()), ticket.appointmentId())
					.update();
			}
		});
		return byId(ticketId).orElseThrow();
	}

	/**
	 * Sends a called ticket back to the queue of another category, or to one window in particular; it
	 * keeps its number and its place by time of issue.
	 */
	public Ticket transfer(long ticketId, long clerkId, String toCategory, String toWindow) {
		boolean hasCategory = toCategory != null && !toCategory.isBlank();
		boolean hasWindow = toWindow != null && !toWindow.isBlank();
		if (hasCategory == hasWindow) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.transferTarget",
					List.of(new Problem.FieldError("target", "hall.counter.transfer.choose")));
		}
		if (hasCategory && settings.category(toCategory).isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.transferTarget",
					List.of(new Problem.FieldError("toCategory", "hall.kiosk.category.invalid")));
		}
		if (hasWindow && settings.window(toWindow).isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "hall.error.transferTarget",
					List.of(new Problem.FieldError("toWindow", "hall.error.noSuchWindow", toWindow)));
		}
		Ticket ticket = atClerksWindow(ticketId, clerkId, null);
		if (hasWindow && toWindow.equals(ticket.windowNumber())) {
			throw Problem.conflict("hall.error.transferSameWindow");
		}
		String category = hasCategory ? toCategory : ticket.queueCategory();
		String window = hasWindow ? toWindow : null;
		int updated = jdbc.sql("""
				update hall_ticket set status = 'WAITING', queue_category = ?, target_window = ?, transferred_from = ?,
				  window_number = null, clerk_id = null, called_at = null, service_started_at = null
				where id = ? and status in ('CALLED', 'SERVING')""")
			.params(category, window, ticket.windowNumber(), ticket.id())
			.update();
		if (updated != 1) {
			throw Problem.conflict("hall.error.ticketChanged");
		}
		return byId(ticketId).orElseThrow();
	}

	private void transition(Ticket ticket, String from, String sql, Object... params) {
		int updated = jdbc.sql(sql).params(Arrays.asList(params)).update();
		if (updated != 1) {
			throw Problem.conflict("hall.error.ticketChanged");
		}
	}

	/** Object-level check: the clerk acts only on a ticket at the window they are signed in at. */
	private Ticket atClerksWindow(long ticketId, long clerkId, Ticket.Status expected) {
		Ticket ticket = byId(ticketId).orElseThrow(() -> Problem.notFound("hall.error.noSuchTicket"));
		if (ticket.windowNumber() == null || !ticket.status().atWindow()) {
			throw Problem.conflict("hall.error.ticketChanged");
		}
		requireSignedIn(ticket.windowNumber(), clerkId);
		if (expected != null && ticket.status() != expected) {
			throw Problem.conflict("hall.error.ticketChanged");
		}
		return ticket;
	}

	private void requireSignedIn(String window, long clerkId) {
		if (!sessions.isSignedIn(window, clerkId)) {
			throw Problem.forbidden("hall.error.notAtWindow", window);
		}
	}

	// ---------------------------------------------------------------- board

	/** One call on the board. */
	public record Call(long id, String displayNumber, String windowNumber, boolean recall, Instant calledAt) {
	}

	/** The latest call per window today, most recent first. */
	public List<Call> latestCallPerWindow(LocalDate day) {
		return jdbc.sql("""
				select c.* from hall_ticket_call c
				where c.hall_date = ? and c.id = (select max(c2.id) from hall_ticket_call c2 where c2.hall_date = c.hall_date and c2.window_number = c.window_number)
				order by c.id desc""")
			.param(day)
			.query((rs, i) -> new Call(rs.getLong("id"), rs.getString("display_number"), rs.getString("window_number"),
					rs.getBoolean("recall"), instant(rs, "called_at")))
			.list();
	}

	public List<Call> recentCalls(LocalDate day, int limit) {
		return jdbc.sql("select * from hall_ticket_call where hall_date = ? order by id desc")
			.param(day)
			.query((rs, i) -> new Call(rs.getLong("id"), rs.getString("display_number"), rs.getString("window_number"),
					rs.getBoolean("recall"), instant(rs, "called_at")))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/** Changes whenever anything on the board would: the newest call and the waiting counts. */
	public String boardVersion(LocalDate day) {
		Long lastCall = jdbc.sql("select max(id) from hall_ticket_call where hall_date = ?")
			.param(day)
			.query((rs, i) -> {
				long id = rs.getLong(1);
				return rs.wasNull() ? null : id;
			})
			.list()
			.get(0);
		return day + "/" + lastCall + "/" + waitingCounts(day);
	}

	static Ticket ticket(ResultSet rs, int row) throws SQLException {
		String receipts = rs.getString("case_receipts");
		String priority = rs.getString("priority_reason");
		return new Ticket(rs.getLong("id"), rs.getObject("hall_date", LocalDate.class), rs.getString("category"),
				rs.getString("queue_category"), rs.getInt("number"), rs.getString("display_number"),
				rs.getString("token"), Ticket.Status.valueOf(rs.getString("status")),
				priority == null ? null : Ticket.PriorityReason.valueOf(priority), rs.getString("phone_masked"),
				rs.getObject("appointment_id", Long.class), instant(rs, "slot_start"), instant(rs, "slot_end"),
				instant(rs, "issued_at"), rs.getString("target_window"), rs.getString("window_number"),
				rs.getObject("clerk_id", Long.class), instant(rs, "called_at"), instant(rs, "service_started_at"),
				instant(rs, "finished_at"),
				receipts == null || receipts.isBlank() ? List.of() : List.of(receipts.split(",")),
				rs.getString("transferred_from"));
	}

}
