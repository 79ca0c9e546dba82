package org.hetao.estation.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.hall.HallQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Queue waiting times as the supervision dashboard reads them. */
@SpringBootTest
@AutoConfigureMockMvc
class HallQueueIntegrationTests {

	@Autowired
	QueueTickets tickets;

	@Autowired
	HallQueue queue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void waitingTimesPerCategoryFromTicketToCall() {
		LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
		Ticket a1 = tickets.issue(day, "A", "A", null, null, null, null, null);
		Ticket a2 = tickets.issue(day, "A", "A", null, null, null, null, null);
		Ticket b1 = tickets.issue(day, "B", "B", null, null, null, null, null);
		tickets.issue(day, "B", "B", null, null, null, null, null);
		called(a1, Duration.ofMinutes(4), "SERVED");
		called(a2, Duration.ofMinutes(10), "SERVED");
		called(b1, Duration.ofMinutes(30), "NO_SHOW");

		HallQueue.Waits waits = queue.waits(day, day);
		assertThat(waits.issued()).isEqualTo(4);
		assertThat(waits.served()).isEqualTo(2);
		assertThat(waits.noShow()).isEqualTo(1);
		HallQueue.CategoryWaits a = waits.categories().stream().filter(c -> c.category().equals("A")).findFirst().orElseThrow();
		assertThat(a.issued()).isEqualTo(2);
		assertThat(a.averageWait()).isEqualTo(Duration.ofMinutes(7));
		assertThat(a.p90Wait()).isEqualTo(Duration.ofMinutes(10));
		assertThat(waits.p90Wait()).isEqualTo(Duration.ofMinutes(30));

		assertThat(mvc.get()
			.uri("/supervision?from={d}&to={d}", day, day)
			.header("Accept-Language", "en")
			.with(user("supervisor").roles("SUPERVISOR"))
			.exchange()).hasStatusOk()
			.bodyText()
			.contains("table-queue", "4 tickets issued in the period, 2 served, 1 no-shows");
	}

	private void called(Ticket ticket, Duration after, String status) {
		jdbc.sql("update hall_ticket set status = :s, called_at = :at where id = :id")
			.param("s", status)
			.param("at", java.time.OffsetDateTime.ofInstant(ticket.issuedAt().plus(after), java.time.ZoneOffset.UTC))
			.param("id", ticket.id())
			.update();
	}

}
