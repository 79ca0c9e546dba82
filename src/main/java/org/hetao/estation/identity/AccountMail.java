package org.hetao.estation.identity;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.OnCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Work about an account that must not show in the time of an answer: looking an account up, writing a token and
 * sending the e-mail happen on this one background thread, after the request's transaction commits, so that a
 * password-reset request, a registration or a failed sign-in answers as fast for an address with an account as for
 * one without (#21). The queue is bounded (the doors that feed it are rate-limited anyway); when it is full the work
 * is dropped and logged.
 */
@Component
class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	private final Supplier<Optional<AccountMailer>> mailer;

	private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), r -> {
				Thread t = new Thread(r, "account-mail");
				t.setDaemon(true);
				return t;
			}, (r, executor) -> log.warn("Account e-mail queue full: one task dropped"));

	AccountMail(ObjectProvider<AccountMailer> mailer) {
		this.mailer = LateBeans.optional(mailer);
	}

	/** Runs the work in the background, after the current transaction (if any) commits. */
	void later(Runnable work) {
		Runnable guarded = () -> {
			try {
				work.run();
			}
			catch (RuntimeException e) {
				log.warn("Account e-mail task failed: {}", e.toString());
			}
		};
		OnCommit.run(() -> thread.execute(guarded));
	}

	/** Sends an e-mail with the mailer (on the background thread); without one, says so in the log. */
	void send(long accountId, Consumer<AccountMailer> mail) {
		AccountMailer sender = mailer.get().orElse(null);
		if (sender == null) {
			log.warn("No AccountMailer: an e-mail to account {} was not sent", accountId);
			return;
		}
		mail.accept(sender);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		thread.shutdown();
	}

}
