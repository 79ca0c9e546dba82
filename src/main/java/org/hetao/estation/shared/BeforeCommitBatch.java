package org.hetao.estation.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction adds as it goes (its events, its audit records), written together in one batched statement
 * just before it commits: one round trip to the database instead of one per row, and nothing written for a
 * transaction that rolls back. Outside a transaction a row is written at once, alone.
 * <p>
 * A row added while the transaction is already committing (by another before-commit step) is written at once, in
 * the transaction. One that arrives in a transaction that had no row before its commit began (so its batch was not
 * yet registered when the commit's steps were listed) is written after the commit by {@code late}, never dropped.
 *
 * @param <T> one row
 */
public final class BeforeCommitBatch<T> {

	private static final Logger log = LoggerFactory.getLogger(BeforeCommitBatch.class);

	private final String name;

	private final Consumer<List<T>> write;

	private final Consumer<List<T>> late;

	private final int order;

	/**
	 * @param name what the rows are, for the log
	 * @param write writes rows in the current transaction, in one batch
	 * @param late writes rows that missed their transaction's commit, in a transaction of its own
	 * @param order when, among the transaction's before-commit steps, the batch is written (lower first)
	 */
	public BeforeCommitBatch(String name, Consumer<List<T>> write, Consumer<List<T>> late, int order) {
		this.name = name;
		this.write = write;
		this.late = late;
		this.order = order;
	}

	/** Adds a row to the current transaction's batch, or writes it now when there is no transaction. */
	public void add(T row) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			write.accept(List.of(row));
			return;
		}
		// found among the transaction's synchronizations, which (unlike bound resources) an inner REQUIRES_NEW
		// transaction suspends: its rows go with it, not with the outer one
		Pending pending = null;
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof BeforeCommitBatch<?>.Pending p && p.owner() == this) {
				@SuppressWarnings("unchecked")
				Pending mine = (Pending) p;
				pending = mine;
				break;
			}
		}
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		if (pending.committing) {
			write.accept(List.of(row));
		}
		else {
			pending.rows.add(row);
		}
	}

	@Override
	public String toString() {
		return "BeforeCommitBatch[" + name + "]";
	}

	private final class Pending implements TransactionSynchronization, Ordered {

		final List<T> rows = new ArrayList<>();

		boolean committing;

		BeforeCommitBatch<T> owner() {
			return BeforeCommitBatch.this;
		}

		@Override
		public int getOrder() {
			return order;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			committing = true;
			if (!rows.isEmpty()) {
				List<T> now = List.copyOf(rows);
				rows.clear();
				write.accept(now);
			}
		}

		@Override
		public void afterCommit() {
			if (!rows.isEmpty()) {
				log.warn("{} rows of {} arrived after their transaction began to commit: written now, in a transaction of their own",
						rows.size(), name);
				late.accept(List.copyOf(rows));
			}
		}

		@Override
		public void afterCompletion(int status) {
			rows.clear();
		}

	}

}
