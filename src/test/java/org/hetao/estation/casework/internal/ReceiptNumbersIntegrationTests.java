package org.hetao.estation.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipt numbers from the database sequence: two "nodes" (two instances on one database) drawing at once
 * inside open transactions never hand out the same number, each thread's numbers increase, and a submission
 * that rolls back does not give its number to the next one.
 */
@SpringBootTest
class ReceiptNumbersIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void twoNodesDrawingAtOnceInsideTheirTransactionsNeverShareANumber() throws Exception {
		LocalDate day = LocalDate.of(2026, 11, 27);
		ReceiptNumbers node1 = new ReceiptNumbers(jdbc);
		ReceiptNumbers node2 = new ReceiptNumbers(jdbc);
		TransactionTemplate submission = new TransactionTemplate(transactions);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<List<String>>> drawers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				ReceiptNumbers node = t % 2 == 0 ? node1 : node2;
				drawers.add(() -> {
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < 25; i++) {
						mine.add(submission.execute(s -> node.next(day)));
					}
					return mine;
				});
			}
			List<String> all = new ArrayList<>();
			for (Future<List<String>> f : pool.invokeAll(drawers)) {
				List<String> mine = f.get();
				List<String> sorted = new ArrayList<>(mine);
				Collections.sort(sorted);
				assertThat(mine).as("one thread's numbers increase").isEqualTo(sorted);
				all.addAll(mine);
			}
			assertThat(all).hasSize(200).allMatch(n -> n.matches("HT20261127-\\d{6}"));
			assertThat(new HashSet<>(all)).as("no number handed out twice").hasSize(200);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aRolledBackSubmissionDoesNotGiveItsNumberToTheNext() {
		LocalDate day = LocalDate.of(2026, 11, 28);
		ReceiptNumbers numbers = new ReceiptNumbers(jdbc);
		String first = new TransactionTemplate(transactions).execute(s -> {
			String n = numbers.next(day);
			s.setRollbackOnly();
			return n;
		});
		String second = numbers.next(day);
		assertThat(first).startsWith("HT20261128-");
		assertThat(second).startsWith("HT20261128-").isGreaterThan(first);
	}

}
