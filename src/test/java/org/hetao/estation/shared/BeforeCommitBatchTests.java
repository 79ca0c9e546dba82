package org.hetao.estation.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A transaction's rows are written in one batch as it commits, with it, and never for a rollback. */
class BeforeCommitBatchTests {

	final List<List<String>> batches = new ArrayList<>();

	final List<List<String>> late = new ArrayList<>();

	final List<Boolean> inTransaction = new ArrayList<>();

	final BeforeCommitBatch<String> batch = new BeforeCommitBatch<>("rows", rows -> {
		batches.add(rows);
		inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
	}, late::add, Ordered.LOWEST_PRECEDENCE - 100);

	TransactionTemplate tx;

	@BeforeEach
	void transactions() {
		DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:batch;DB_CLOSE_DELAY=-1", "sa", "");
		tx = new TransactionTemplate(new DataSourceTransactionManager(data));
	}

	@Test
	void aTransactionsRowsAreWrittenTogetherJustBeforeItCommits() {
		tx.executeWithoutResult(s -> {
			batch.add("a");
			batch.add("b");
			batch.add("c");
			assertThat(batches).as("nothing before the commit").isEmpty();
		});
		assertThat(batches).containsExactly(List.of("a", "b", "c"));
		assertThat(inTransaction).containsExactly(true);
		assertThat(late).isEmpty();
	}

	@Test
	void aRolledBackTransactionWritesNothing() {
		tx.executeWithoutResult(s -> {
			batch.add("a");
			s.setRollbackOnly();
		});
		assertThat(batches).isEmpty();
		tx.executeWithoutResult(s -> batch.add("next"));
		assertThat(batches).as("the next transaction starts afresh").containsExactly(List.of("next"));
	}

	@Test
	void anInnerNewTransactionCommitsItsOwnRowsWithItself() {
		TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		tx.executeWithoutResult(s -> {
			batch.add("outer");
			inner.executeWithoutResult(i -> batch.add("inner"));
			assertThat(batches).containsExactly(List.of("inner"));
			s.setRollbackOnly();
		});
		assertThat(batches).as("the outer rolled back: its row never written").containsExactly(List.of("inner"));
	}

	@Test
	void withoutATransactionARowIsWrittenAtOnce() {
		batch.add("alone");
		assertThat(batches).containsExactly(List.of("alone"));
		assertThat(inTransaction).containsExactly(false);
	}

	@Test
	void aRowAddedWhileCommittingIsWrittenInTheTransactionOrAfterItNeverLost() {
		tx.executeWithoutResult(s -> {
			batch.add("first");
			// a later step of the same commit adds a row: written at once, still in the transaction
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					batch.add("during");
				}
			});
		});
		assertThat(batches).containsExactly(List.of("first"), List.of("during"));
		assertThat(inTransaction).containsExactly(true, true);

		tx.executeWithoutResult(s -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				// the transaction's first row, arriving after its commit listed its steps
				batch.add("missed the commit");
			}
		}));
		assertThat(late).containsExactly(List.of("missed the commit"));
	}

}
