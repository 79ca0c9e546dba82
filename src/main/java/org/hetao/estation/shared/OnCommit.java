package org.hetao.estation.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work on this node's memory (a kept copy to drop, a board to push, a hand-off to a thread) done once the current
 * transaction has committed, never if it rolls back; at once outside a transaction. Not durable: a crash between the
 * commit and the work loses it, so it is only for what the node can lose. Derived work that must not be lost is an
 * {@link AfterCommit} handler of an event.
 */
public final class OnCommit {

	private OnCommit() {
	}

	public static void run(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

}
