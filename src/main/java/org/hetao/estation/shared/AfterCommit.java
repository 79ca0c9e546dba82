package org.hetao.estation.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Derived work on a module event: the method (one parameter, the event's type) runs after the transaction that
 * published the event has committed, never inside it. The event is written to the event log in the publishing
 * transaction (so it exists exactly when the change it reports was committed) and workers apply it later, in
 * batches: each batch's handlers and the removal of its events commit together, so every event is applied once,
 * on one node, also after a crash between the commit and the work. A handler that fails is retried with a
 * growing delay; the other events of its batch go on. Handlers must not expect to run in the publisher's thread
 * or see its transaction.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AfterCommit {

}
