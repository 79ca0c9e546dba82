/**
 * The event log: module events that have {@link org.hetao.estation.shared.AfterCommit} handlers are stored in the
 * transaction that publishes them and applied after it commits, in batches, by a worker on each node (claims with
 * {@code for update skip locked}, so two nodes never apply the same event).
 */
package org.hetao.estation.events;
