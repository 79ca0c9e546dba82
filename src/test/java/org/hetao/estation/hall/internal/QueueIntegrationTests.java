package org.hetao.estation.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue on a real database (H2, and PostgreSQL when the build points at one): numbering per category
 * restarting each day, calling order, the clerk's actions, and that no ticket is ever called twice by
 * concurrent callers. Each test works on a hall day of its own far in the future, so tests never see
 * each other's tickets.
 */
@SpringBootTest
class QueueIntegrationTests {

	@Autowired
	QueueTickets tickets;

	@Autowired
	WindowSessions sessions;

	@Autowired
	JdbcClient jdbc;

	final List<Long> signedInClerks = new ArrayList<>();

	static LocalDate ownDay() {
		return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300_000));
	}

	@AfterEach
	void signOut() {
		signedInClerks.forEach(sessions::signOut);
	}

	@Test
	void numbersRunPerCategoryAndRestartEachDay() {
		LocalDate day = ownDay();
		assertThat(tickets.issue(day, "A", "A", null, null, null, null, null).displayNumber()).isEqualTo("A001");
		assertThat(tickets.issue(day, "A", "A", null, null, null, null, null).displayNumber()).isEqualTo("A002");
		assertThat(tickets.issue(day, "B", "B", null, null, null, null, null).displayNumber()).isEqualTo("B001");
		assertThat(tickets.issue(day, "A", "A", null, null, null, null, null).displayNumber()).isEqualTo("A003");
		LocalDate nextDay = day.plusDays(1);
		jdbc.sql("delete from hall_ticket_counter where hall_date = ?").param(nextDay).update();
		assertThat(tickets.issue(nextDay, "A", "A", null, null, null, null, null).displayNumber()).isEqualTo("A001");
	}

	@Test
	void theDatabaseRefusesADuplicateNumber() {
		LocalDate day = ownDay();
		Ticket first = tickets.issue(day, "C", "C", null, null, null, null, null);
		assertThatThrownBy(() -> jdbc.sql("""
				insert into hall_ticket (hall_date, category, queue_category, number, display_number, token, status, issued_at)
				values (?, 'C', 'C', ?, 'C001', 'ffffffffffffffffffffffff', 'WAITING', current_timestamp)""")
			.params(day, first.number())
			.update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	@Test
	void concurrentIssuersGetDistinctConsecutiveNumbers() throws Exception {
		LocalDate day = ownDay();
		List<Callable<List<Integer>>> issuers = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			issuers.add(() -> {
				List<Integer> numbers = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					numbers.add(tickets.issue(day, "D", "D", null, null, null, null, null).number());
				}
				return numbers;
			});
		}
		List<Integer> all = runAll(issuers).stream().flatMap(List::stream).sorted().toList();
		assertThat(all).hasSize(80).doesNotHaveDuplicates().first().isEqualTo(1);
		assertThat(all.get(79)).isEqualTo(80);
	}

	@Test
	void walkInTicketFromTheKioskStoresThePhoneMaskedForScreens() {
		Ticket ticket = tickets.issue("B", "+852 9123 4567", Ticket.PriorityReason.ELDERLY);
		assertThat(ticket.displayNumber()).startsWith("B");
		assertThat(ticket.phoneMasked()).isEqualTo("+852 **** 4567");
		assertThat(ticket.priorityReason()).isEqualTo(Ticket.PriorityReason.ELDERLY);
		assertThat(ticket.status()).isEqualTo(Ticket.Status.WAITING);
		assertThat(tickets.byToken(ticket.token())).get().extracting(Ticket::id).isEqualTo(ticket.id());
		assertThatThrownBy(() -> tickets.issue("V", null, null)).isInstanceOf(Problem.class)
			.satisfies(p -> assertThat(((Problem) p).fieldErrors()).extracting(Problem.FieldError::field).containsExactly("category"));
		assertThatThrownBy(() -> tickets.issue("A", "not a phone", null)).isInstanceOf(Problem.class)
			.satisfies(p -> assertThat(((Problem) p).fieldErrors()).extracting(Problem.FieldError::field).containsExactly("phone"));
	}

	@Test
	void peopleAheadCountsTheTicketsCalledBeforeThisOne() {
		LocalDate day = ownDay();
		tickets.issue(day, "A", "A", null, null, null, null, null);
		tickets.issue(day, "A", "A", null, null, null, null, null);
		Ticket third = tickets.issue(day, "A", "A", null, null, null, null, null);
		Ticket priority = tickets.issue(day, "A", "A", null, Ticket.PriorityReason.PREGNANT, null, null, null);
		assertThat(tickets.position(third).ahead()).isEqualTo(3);
		assertThat(tickets.position(priority).ahead()).isZero();
		assertThat(tickets.position(third).estimatedMinutes()).isPositive();
	}

	@Test
	void aWindowCallsOnlyTheCategoriesItServesPriorityFirst() {
		LocalDate day = ownDay();
		Ticket customs = tickets.issue(day, "B", "B", null, null, null, null, null);
		Ticket vehicles = tickets.issue(day, "C", "C", null, null, null, null, null);
		Ticket priorityCustoms = tickets.issue(day, "B", "B", null, Ticket.PriorityReason.DISABLED, null, null, null);
		// window 6 serves vehicles only
		assertThat(tickets.claimNext(day, "6", 9001L)).get().extracting(Ticket::id).isEqualTo(vehicles.id());
		assertThat(tickets.claimNext(day, "6", 9001L)).isEmpty();
		// window 4 serves customs: priority before the earlier ordinary ticket
		assertThat(tickets.claimNext(day, "4", 9002L)).get().extracting(Ticket::id).isEqualTo(priorityCustoms.id());
		assertThat(tickets.claimNext(day, "4", 9002L)).get().extracting(Ticket::id).isEqualTo(customs.id());
	}

	@Test
	void clerkServesAndLinksCasesAndTheTicketIsCalledOnce() {
		long clerk = 800_000 + ThreadLocalRandom.current().nextInt(100_000);
		sessions.signIn("7", clerk, "Test clerk");
		signedInClerks.add(clerk);
		tickets.current("7").ifPresent(t -> tickets.noShow(t.id(), clerk));
		Ticket mine = tickets.issue("D", "+852 9123 4567", null);
		// drain whatever else waits for window 7 today until ours is called
		Ticket called;
		do {
			called = tickets.callNext("7", clerk).orElseThrow();
			if (called.id() != mine.id()) {
				tickets.noShow(called.id(), clerk);
			}
		}
		while (called.id() != mine.id());
		assertThat(called.status()).isEqualTo(Ticket.Status.CALLED);
		assertThatThrownBy(() -> tickets.callNext("7", clerk)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).messageKey()).isEqualTo("hall.error.finishCurrent");
		tickets.recall(mine.id(), clerk);
		tickets.startService(mine.id(), clerk);
		assertThatThrownBy(() -> tickets.finish(mine.id(), clerk, List.of("not-a-receipt"))).isInstanceOf(Problem.class);
		Ticket served = tickets.finish(mine.id(), clerk, List.of("HT20261127-000123", " HT20261127-000124 "));
		assertThat(served.status()).isEqualTo(Ticket.Status.SERVED);
		assertThat(served.caseReceipts()).containsExactly("HT20261127-000123", "HT20261127-000124");
		assertThat(jdbc.sql("select phone from hall_ticket where id = ?").param(mine.id()).query((rs, i) -> rs.getString(1))
			.list()).as("the phone for the SMS call is erased once served").containsOnlyNulls();
		assertThat(served.phoneMasked()).isEqualTo("+852 **** 4567");
		assertThat(jdbc.sql("select count(*) from hall_ticket_call where ticket_id = ? and recall = false").param(mine.id())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from hall_ticket_call where ticket_id = ? and recall = true").param(mine.id())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aClerkActsOnlyAtTheWindowTheyAreSignedInAt() {
		long clerk = 700_000 + ThreadLocalRandom.current().nextInt(100_000);
		long other = clerk + 1;
		assertThatThrownBy(() -> tickets.callNext("5", clerk)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).kind()).isEqualTo(Problem.Kind.FORBIDDEN);
		sessions.signIn("5", clerk, "Clerk one");
		signedInClerks.add(clerk);
		assertThatThrownBy(() -> sessions.signIn("5", other, "Clerk two")).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).messageKey()).isEqualTo("hall.error.windowTaken");
		LocalDate day = ownDay();
		Ticket t = tickets.issue(day, "D", "D", null, null, null, null, null);
		tickets.claimNext(day, "5", clerk).orElseThrow();
		assertThatThrownBy(() -> tickets.startService(t.id(), other)).isInstanceOf(Problem.class)
			.extracting(p -> ((Problem) p).kind()).isEqualTo(Problem.Kind.FORBIDDEN);
	}

	@Test
	void transferSendsTheTicketBackToTheQueueOfAnotherCategoryKeepingItsNumber() {
		long clerk = 600_000 + ThreadLocalRandom.current().nextInt(100_000);
		sessions.signIn("4", clerk, "Customs clerk");
		signedInClerks.add(clerk);
		LocalDate day = ownDay();
		Ticket t = tickets.issue(day, "B", "B", null, null, null, null, null);
		tickets.claimNext(day, "4", clerk).orElseThrow();
		Ticket moved = tickets.transfer(t.id(), clerk, "C", null);
		assertThat(moved.status()).isEqualTo(Ticket.Status.WAITING);
		assertThat(moved.displayNumber()).isEqualTo(t.displayNumber());
		assertThat(moved.queueCategory()).isEqualTo("C");
		assertThat(moved.transferredFrom()).isEqualTo("4");
		assertThat(tickets.claimNext(day, "4", clerk)).isEmpty();
		assertThat(tickets.claimNext(day, "6", 1L)).get().extracting(Ticket::id).isEqualTo(t.id());
		assertThatThrownBy(() -> tickets.transfer(t.id(), clerk, "C", "6")).isInstanceOf(Problem.class);
	}

	@Test
	void noTicketIsCalledTwiceByEightConcurrentCallers() throws Exception {
		assertNoDoubleCalls(8, 60);
	}

	@Test
	@EnabledIfSystemProperty(named = "estation.test.database", matches = "postgres")
	void noTicketIsCalledTwiceUnderHeavierLoadOnPostgres() throws Exception {
		assertNoDoubleCalls(16, 300);
	}

	private void assertNoDoubleCalls(int callers, int ticketCount) throws Exception {
		LocalDate day = ownDay();
		for (int i = 0; i < ticketCount; i++) {
			tickets.issue(day, "A", "A", null, i % 7 == 0 ? Ticket.PriorityReason.ELDERLY : null, null, null, null);
		}
		List<String> windows = List.of("1", "2", "3");
		List<Callable<List<Long>>> calls = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			String window = windows.get(c % windows.size());
			long clerk = 10_000 + c;
			calls.add(() -> {
				List<Long> claimed = new ArrayList<>();
				while (true) {
					var next = tickets.claimNext(day, window, clerk);
					if (next.isEmpty()) {
						return claimed;
					}
					claimed.add(next.get().id());
				}
			});
		}
		List<Long> claimed = runAll(calls).stream().flatMap(List::stream).toList();
		assertThat(claimed).hasSize(ticketCount).doesNotHaveDuplicates();
		Map<String, Object> counts = jdbc.sql("""
				select count(*) as calls, count(distinct ticket_id) as tickets from hall_ticket_call where hall_date = ?""")
			.param(day)
			.query()
			.singleRow();
		assertThat(((Number) counts.get("calls")).intValue()).isEqualTo(ticketCount);
		assertThat(((Number) counts.get("tickets")).intValue()).isEqualTo(ticketCount);
		assertThat(tickets.waiting(day)).isEmpty();
	}

	static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<T> results = Collections.synchronizedList(new ArrayList<>());
			for (Future<T> f : pool.invokeAll(tasks)) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
