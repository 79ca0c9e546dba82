package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Receipt numbers drawn in blocks: two "nodes" (two instances on one database) drawing at once never
 * hand out the same number, each node's numbers increase, and a submission that rolls back does not
 * take the block's reservation with it.
 */
@SpringBootTest
class ReceiptNumbersIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void twoNodesDrawingAtOnceNeverShareANumber() throws Exception {
		// a day of its own, far away, so other tests' receipts do not interfere
		LocalDate day = LocalDate.of(2099, 1, 1 + (int) (System.nanoTime() % 28));
		jdbc.sql("delete from casework_receipt_counter where receipt_day = :d")
			.param("d", day.toString().replace("-", ""))
			.update();
		ReceiptNumbers node1 = new ReceiptNumbers(jdbc, transactions, 3);
		ReceiptNumbers node2 = new ReceiptNumbers(jdbc, transactions, 3);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<List<String>>> drawers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				ReceiptNumbers node = t % 2 == 0 ? node1 : node2;
				drawers.add(() -> {
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < 25; i++) {
						mine.add(node.next(day));
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
			assertThat(all).hasSize(200);
			assertThat(new HashSet<>(all)).as("no number handed out twice").hasSize(200);
			assertThat(all).allMatch(n -> n.matches("HT209901\\d{2}-\\d{6}"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aRolledBackSubmissionKeepsTheReservationAndTheNextNumberIsNew() {
		LocalDate day = LocalDate.of(2098, 6, 1 + (int) (System.nanoTime() % 28));
		String key = day.toString().replace("-", "");
		jdbc.sql("delete from casework_receipt_counter where receipt_day = :d").param("d", key).update();
		ReceiptNumbers numbers = new ReceiptNumbers(jdbc, transactions, 1);
		TransactionTemplate submission = new TransactionTemplate(transactions);
		String first = submission.execute(s -> {
			String n = numbers.next(day);
			s.setRollbackOnly();
			return n;
		});
		String second = numbers.next(day);
		assertThat(first).isEqualTo("HT" + key + "-000001");
		assertThat(second).isEqualTo("HT" + key + "-000002");
		assertThat(jdbc.sql("select last_number from casework_receipt_counter where receipt_day = :d")
			.param("d", key)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
