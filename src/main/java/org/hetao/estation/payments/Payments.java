package org.hetao.estation.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseSubmitted;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.TaskAccepted;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Fee;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.payments.internal.PaymentBooks;
import org.hetao.estation.shared.AfterCommit;
import org.hetao.estation.shared.Money;
import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fees of cases and their payments. A charged task's fee is assessed from the catalogue's scale and the
 * task's answers when the case is submitted (not yet due), and again when the window accepts the task (due from
 * then on, unless the item says at submission). A payment covers every fee of the case due in one currency and
 * held by no other payment; it is made once per {@code Idempotency-Key} and completed by its provider's signed
 * notification, which is applied once however often it comes.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	/** Reads a case for the module's own work (as the certificates module does): the clerk's view of any case. */
	private static final EstationUser SYSTEM = new EstationUser(0, "payments", null, "payments", Set.of(Role.CLERK), null,
			null, null, true, null);

	/** Longer than any provider's create call may take: a payment still without its provider's reference is lost. */
	static final java.time.Duration UNSENT_GRACE = java.time.Duration.ofMinutes(2);

	private final PaymentBooks books;

	private final CaseReading cases;

	private final Catalog catalog;

	private final Map<String, PaymentProvider> providers;

	private final String defaultProvider;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	Payments(PaymentBooks books, CaseReading cases, Catalog catalog, List<PaymentProvider> providers,
			org.springframework.core.env.Environment env, TransactionTemplate tx, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.books = books;
		this.cases = cases;
		this.catalog = catalog;
		this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
		this.defaultProvider = env.getProperty("estation.payments.provider", "sandbox");
		this.tx = tx;
		this.clock = clock;
	}

	// --- assessment

	/** Each charged task of a new case gets its fee line, assessed from its answers; exempt applicants pay nothing. */
	@AfterCommit
	void onSubmitted(CaseSubmitted submitted) {
		// most cases cost nothing: read the case only when one of its items is charged
		if (submitted.itemCodes().stream().noneMatch(code -> catalog.item(code).map(ServiceItem::charged).orElse(false))) {
			return;
		}
		CaseView c = caseFor(submitted.receiptNumber());
		if (c == null) {
			return;
		}
		Instant now = clock.instant();
		for (TaskView task : c.tasks()) {
			ServiceItem item = catalog.item(task.itemCode()).orElse(null);
			if (item == null || !item.charged()) {
				continue;
			}
			Fee fee = item.fee();
			Money amount = fee.assess(task.formData()).orElse(fee.unit());
			boolean exempt = c.applicant().type() != null && fee.exempts(c.applicant().type(), Set.of());
			FeeStatus status = exempt ? FeeStatus.WAIVED
					: fee.dueAt() == Fee.DuePoint.SUBMISSION ? FeeStatus.DUE : FeeStatus.NOT_YET_DUE;
			boolean added = books.addLine(c.id(), c.receiptNumber(), task.id(), task.itemCode(), task.departmentCode(),
					c.applicant().accountId(), exempt ? Money.zero(fee.currency()) : amount, status, fee.payBefore(),
					exempt ? "exempt" : null, now);
			if (added && status == FeeStatus.DUE) {
				events.publishEvent(new FeeFallenDue(c.receiptNumber(), task.id(), task.itemCode(), c.applicant().accountId(),
						amount.minor(), amount.currency()));
			}
		}
	}

	/** The window accepted a task: its fee is assessed on the answers as accepted and falls due. */
	@AfterCommit
	void onAccepted(TaskAccepted accepted) {
		ServiceItem item = catalog.item(accepted.itemCode()).orElse(null);
		if (item == null || !item.charged()) {
			return;
		}
		CaseView c = caseFor(accepted.receiptNumber());
		if (c == null) {
			return;
		}
		TaskView task = c.task(accepted.taskId());
		Money amount = item.fee().assess(task.formData()).orElse(item.fee().unit());
		if (books.lineOfTask(accepted.taskId()).isEmpty()) {
			// a case from before fees were kept: its line starts here
			books.addLine(c.id(), c.receiptNumber(), task.id(), task.itemCode(), task.departmentCode(),
					c.applicant().accountId(), amount, FeeStatus.NOT_YET_DUE, item.fee().payBefore(), null, clock.instant());
		}
		if (books.makeDue(accepted.taskId(), amount, clock.instant())) {
			events.publishEvent(new FeeFallenDue(c.receiptNumber(), task.id(), task.itemCode(), c.applicant().accountId(),
					amount.minor(), amount.currency()));
		}
	}

	private CaseView caseFor(String receipt) {
		try {
			return cases.viewByReceipt(SYSTEM, receipt);
		}
		catch (Problem gone) {
			log.warn("No fees for {}: the case cannot be read ({})", receipt, gone.messageKey());
			return null;
		}
	}

	// --- what the applicant and staff see

	/** The fees of a case, for whoever may see the case (others: 404). */
	public List<FeeLine> fees(EstationUser user, String receipt) {
		cases.viewByReceipt(user, receipt);
		return books.lines(receipt);
	}

	/** The payments made for a case, for whoever may see the case. */
	public List<Payment> payments(EstationUser user, String receipt) {
		cases.viewByReceipt(user, receipt);
		return books.payments(receipt);
	}

	/** A payment, for its payer and staff (another applicant: 404, as if there were none). */
	public Payment payment(EstationUser user, String paymentId) {
		Payment p = books.payment(paymentId).orElseThrow(() -> Problem.notFound("payments.error.notFound"));
		boolean seen = p.payerAccountId() == user.id()
				|| ((user.isStaff() || p.method().atWindow()) && maySee(user, p.receiptNumber()));
		if (!seen) {
			throw Problem.notFound("payments.error.notFound");
		}
		return p;
	}

	private boolean maySee(EstationUser user, String receipt) {
		try {
			cases.viewByReceipt(user, receipt);
			return true;
		}
		catch (Problem notTheirs) {
			return false;
		}
	}

	// --- paying

	/**
	 * Makes a payment for everything of the case now due in one currency ({@code currency}, or when not given the
	 * first of CNY, HKD that is due), or returns the payment this payer already made with this key. 409 when nothing
	 * is due; 503 when the provider cannot be reached (the fees stay due, nothing is charged).
	 */
	public Payment pay(EstationUser user, String receipt, String idempotencyKey, String currency) {
		CaseView c = cases.viewByReceipt(user, receipt);
		if (c.applicant().accountId() == null || c.applicant().accountId() != user.id()) {
			throw Problem.forbidden("payments.error.notThePayer");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw Problem.invalid("payments.error.idempotencyKey");
		}
		Instant now = clock.instant();
		// TransactionTemplate (CONVENTIONS): the payment is written and committed before the provider is called, and
		// what the provider answers is booked afterwards in transactions of its own.
		// A payment written but never handed to its provider (the process died in between) holds the fees and its
		// key for nobody: once it is surely not in flight any more, it goes, and the same key makes the payment
		tx.executeWithoutResult(s -> books.forgetUnsentBefore(receipt, now.minus(UNSENT_GRACE)));
		var existing = books.paymentByKey(user.id(), idempotencyKey);
		if (existing.isPresent()) {
			return sameRequest(existing.get(), receipt);
		}
		PaymentProvider provider = providers.get(defaultProvider);
		String id = "pay_" + UUID.randomUUID().toString().replace("-", "");
		Payment made = tx.execute(s -> {
			List<FeeLine> due = books.unpaidDueLinesForUpdate(receipt);
			String chosen = currency != null ? currency
					: due.stream().map(l -> l.amount().currency()).min(Comparator.naturalOrder()).orElse(null);
			List<FeeLine> lines = due.stream().filter(l -> l.amount().currency().equals(chosen)).toList();
			if (lines.isEmpty()) {
				return null;
			}
			Money total = lines.stream().map(FeeLine::amount).reduce(Money::plus).orElseThrow();
			Payment p = new Payment(id, receipt, user.id(), total, PaymentStatus.CREATED, provider.name(), null, null, 0,
					now);
			return books.addPayment(p, idempotencyKey, lines, now) ? p : books.paymentByKey(user.id(), idempotencyKey).orElseThrow();
		});
		if (made == null) {
			throw Problem.conflict("payments.error.nothingDue");
		}
		if (!made.id().equals(id)) {
			return sameRequest(made, receipt);
		}
		PaymentProvider.Created created;
		try {
			created = provider.create(id, made.amount(), c.receiptNumber(),
					"/applications/" + receipt + "/fees?payment=" + id);
		}
		catch (RuntimeException outage) {
			log.warn("Payment provider {} did not take payment {}: {}", provider.name(), id, outage.toString());
			// nothing half-written: the payment that never reached the provider goes, its fees are free again and
			// the same Idempotency-Key makes the payment once the provider is back
			tx.executeWithoutResult(s -> books.forgetUnsent(id));
			throw new Problem(Problem.Kind.UNAVAILABLE, "payments.error.providerUnavailable");
		}
		books.attachProvider(id, created.providerRef(), created.nextUrl(), clock.instant());
		return books.payment(id).orElseThrow();
	}

	private static Payment sameRequest(Payment p, String receipt) {
		if (!p.receiptNumber().equals(receipt)) {
			throw Problem.conflict("payments.error.keyReused");
		}
		return p;
	}

	/** What a notification did. */
	public enum Applied {

		/** it moved the payment (and its fees) on */
		APPLIED,
		/** it was seen before, or the payment had moved on already: nothing changed */
		ALREADY,
		/** the payment succeeded after its fees were paid another way: refunded through the provider */
		REFUNDED

	}

	/**
	 * Applies a provider's notification once: a success marks the payment's fees paid (or refunds it when they were
	 * paid another way meanwhile), a failure frees them to be paid again. A repeat, or one about a payment already
	 * past that point, changes nothing. A notification that is not the provider's is refused (400).
	 */
	public Applied notification(String providerName, Map<String, String> headers, byte[] body) {
		PaymentProvider provider = providers.get(providerName);
		if (provider == null) {
			throw Problem.notFound("payments.error.providerUnknown");
		}
		PaymentProvider.Notification n = provider.read(headers, body)
			.orElseThrow(() -> Problem.invalid("payments.error.notificationRefused"));
		Payment p = books.paymentByProviderRef(providerName, n.providerRef())
			.orElseThrow(() -> Problem.notFound("payments.error.notFound"));
		if (!p.amount().equals(n.amount())) {
			log.error("Notification {} of {} is for {} but payment {} is {}", n.eventId(), providerName, n.amount(), p.id(),
					p.amount());
			throw Problem.invalid("payments.error.notificationRefused");
		}
		Instant now = clock.instant();
		// TransactionTemplate (CONVENTIONS): the notification commits before a refund through the provider
		Applied applied = tx.execute(s -> {
			if (!books.firstTime(providerName, n.eventId(), p.id(), n.outcome().name(), now)) {
				return Applied.ALREADY;
			}
			return switch (n.outcome()) {
				case FAILED -> {
					if (!books.move(p.id(), PaymentStatus.FAILED, now, PaymentStatus.CREATED, PaymentStatus.SUBMITTED)) {
						yield Applied.ALREADY;
					}
					events.publishEvent(new PaymentFailed(p.id(), p.receiptNumber(), p.payerAccountId(), p.amount().minor(),
							p.amount().currency(), now));
					yield Applied.APPLIED;
				}
				case REFUNDED -> Applied.ALREADY;
				case SUCCEEDED -> {
					if (!books.move(p.id(), PaymentStatus.SUCCEEDED, now, PaymentStatus.CREATED, PaymentStatus.SUBMITTED,
							PaymentStatus.FAILED)) {
						yield Applied.ALREADY;
					}
					List<FeeLine> lines = books.linesOf(p.id());
					if (lines.stream().anyMatch(l -> l.status() != FeeStatus.DUE)) {
						yield Applied.REFUNDED;
					}
					books.markPaid(p.id(), now);
					events.publishEvent(new PaymentSucceeded(p.id(), p.receiptNumber(), p.payerAccountId(), p.amount().minor(),
							p.amount().currency(), now));
					yield Applied.APPLIED;
				}
			};
		});
		if (applied == Applied.REFUNDED) {
			// the fees were paid another way meanwhile (at the window, another payment): the money goes back
			provider.refund(p.providerRef(), p.amount(), "paid another way");
			Instant at = clock.instant();
			tx.executeWithoutResult(s -> {
				books.refunded(p.id(), p.amount().minor(), PaymentStatus.REFUNDED, at);
				books.addRefund(p.id(), p.amount(), "paid another way", "payments", at);
				events.publishEvent(new PaymentRefunded(p.id(), p.receiptNumber(), p.amount().minor(), p.amount().currency(),
						"paid another way", "payments", at, p.payerAccountId()));
			});
		}
		return applied;
	}

	/**
	 * Refunds part or all of a payment, by an officer of a department whose fee it paid (anyone else: 404), when
	 * that department's task was not accepted or was withdrawn; never more than was paid and not yet refunded
	 * (409); through the provider (503 when it cannot be reached: nothing is booked); recorded as an event (and so
	 * in the audit log).
	 */
	public Payment refund(EstationUser user, String paymentId, Long amount, String reason) {
		Payment p = books.payment(paymentId).orElseThrow(() -> Problem.notFound("payments.error.notFound"));
		String department = user.hasRole(Role.OFFICER) ? user.department().orElse(null) : null;
		List<FeeLine> lines = books.linesOf(paymentId);
		if (department == null || lines.stream().noneMatch(l -> l.departmentCode().equals(department))) {
			throw Problem.notFound("payments.error.notFound");
		}
		List<Problem.FieldError> errors = new java.util.ArrayList<>();
		if (amount == null || amount <= 0) {
			errors.add(new Problem.FieldError("amount", "payments.error.refundAmount"));
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			errors.add(new Problem.FieldError("reason", "payments.error.refundReason"));
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "payments.error.refundInvalid", errors);
		}
		if (p.status() != PaymentStatus.SUCCEEDED && p.status() != PaymentStatus.PARTIALLY_REFUNDED
				|| p.method().atWindow()) {
			// money taken at the window goes back at the window, not through a provider
			throw Problem.conflict("payments.error.notRefundable");
		}
		CaseView c = caseFor(p.receiptNumber());
		if (!RefundGrounds.hold(c, lines, department)) {
			throw Problem.conflict("payments.error.noGroundsForRefund");
		}
		Money refund = Money.of(amount, p.amount().currency());
		if (!books.bookRefund(paymentId, amount, clock.instant())) {
			throw Problem.conflict("payments.error.refundTooMuch",
					Money.of(p.amount().minor() - p.refundedMinor(), p.amount().currency()).major().toPlainString());
		}
		try {
			providers.get(p.provider()).refund(p.providerRef(), refund, reason);
		}
		catch (RuntimeException outage) {
			books.unbookRefund(paymentId, amount, clock.instant());
			log.warn("Provider {} did not refund {} on {}: {}", p.provider(), refund, paymentId, outage.toString());
			throw new Problem(Problem.Kind.UNAVAILABLE, "payments.error.providerUnavailable");
		}
		Payment after = books.payment(paymentId).orElseThrow();
		// TransactionTemplate (CONVENTIONS): booked after the provider's refund, which no transaction waits for
		tx.executeWithoutResult(s -> {
			books.addRefund(paymentId, refund, reason, user.username(), clock.instant());
			if (after.status() == PaymentStatus.REFUNDED) {
				books.markRefunded(paymentId);
			}
			events.publishEvent(new PaymentRefunded(paymentId, p.receiptNumber(), refund.minor(), refund.currency(),
					reason, user.username(), clock.instant(), p.payerAccountId()));
		});
		return after;
	}

	// --- at the window

	/** How the window took the money, as the API and the form name it. */
	private static final Map<String, PaymentMethod> WINDOW_METHODS = Map.of("CASH", PaymentMethod.WINDOW_CASH, "CARD",
			PaymentMethod.WINDOW_CARD, "FPS", PaymentMethod.WINDOW_FPS);

	/**
	 * The clerk records a payment taken at the window of everything of the case now due in one currency
	 * ({@code currency}, or the first of CNY, HKD due): by cash, the card terminal or FPS ({@code method} CASH, CARD,
	 * FPS; the terminal's or FPS reference required for the last two). It succeeds at once and the fees are paid,
	 * including any held by an online payment still open (that payment, should it succeed, is refunded). Made once
	 * per clerk and {@code Idempotency-Key}. 404 for who may not see the case, 403 for anyone else but a clerk,
	 * 422 with field errors, 409 when nothing is due.
	 */
	@Transactional
	public Payment payAtWindow(EstationUser user, String receipt, String idempotencyKey, String method, String reference,
			String currency) {
		cases.viewByReceipt(user, receipt);
		if (!user.hasRole(Role.CLERK)) {
			throw Problem.forbidden("payments.error.windowOnly");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw Problem.invalid("payments.error.idempotencyKey");
		}
		PaymentMethod how = method == null ? null : WINDOW_METHODS.get(method.strip().toUpperCase(java.util.Locale.ROOT));
		String ref = reference == null || reference.isBlank() ? null : reference.strip();
		List<Problem.FieldError> errors = new java.util.ArrayList<>();
		if (how == null) {
			errors.add(new Problem.FieldError("method", "payments.error.windowMethod"));
		}
		else if (how.needsReference() && ref == null) {
			errors.add(new Problem.FieldError("reference", "payments.error.windowReference"));
		}
		if (ref != null && ref.length() > 100) {
			errors.add(new Problem.FieldError("reference", "payments.error.windowReferenceLength"));
		}
		if (currency != null && !currency.isBlank() && !Money.CURRENCIES.contains(currency)) {
			errors.add(new Problem.FieldError("currency", "payments.error.currency"));
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "payments.error.windowInvalid", errors);
		}
		var existing = books.paymentByKey(user.id(), idempotencyKey);
		if (existing.isPresent()) {
			return sameRequest(existing.get(), receipt);
		}
		String kept = how == PaymentMethod.WINDOW_CASH ? null : ref;
		Instant now = clock.instant();
		String id = "pay_" + UUID.randomUUID().toString().replace("-", "");
		List<FeeLine> due = books.dueLinesForUpdate(receipt).stream().filter(l -> !l.amount().isZero()).toList();
		String chosen = currency != null && !currency.isBlank() ? currency
				: due.stream().map(l -> l.amount().currency()).min(Comparator.naturalOrder()).orElse(null);
		List<FeeLine> lines = due.stream().filter(l -> l.amount().currency().equals(chosen)).toList();
		if (lines.isEmpty()) {
			throw Problem.conflict("payments.error.nothingDue");
		}
		Money total = lines.stream().map(FeeLine::amount).reduce(Money::plus).orElseThrow();
		Payment p = new Payment(id, receipt, user.id(), total, PaymentStatus.SUCCEEDED, PaymentMethod.WINDOW, null,
				null, 0, now, how, kept);
		if (!books.addWindowPayment(p, idempotencyKey, lines, now)) {
			return sameRequest(books.paymentByKey(user.id(), idempotencyKey).orElseThrow(), receipt);
		}
		events.publishEvent(new FeePaidAtWindow(id, receipt, how, kept, total.minor(), total.currency(),
				user.username(), now));
		return p;
	}

	// --- waivers

	/**
	 * Waives a task's fee that is due or not yet due, with the reason (required, up to 500 characters): by an
	 * officer of the task's department, or a supervisor. 404 for who may not see the case (or a task not of it, or
	 * not charged), 403 for other staff and the applicant, 422 without a reason, 409 when the fee was paid, waived
	 * or refunded. Recorded as an event (and so in the audit log, with who and why).
	 */
	@Transactional
	public FeeLine waive(EstationUser user, String receipt, long taskId, String reason) {
		boolean supervisor = user.hasRole(Role.SUPERVISOR);
		CaseView c = supervisor ? caseFor(receipt) : cases.viewByReceipt(user, receipt);
		if (c == null) {
			throw Problem.notFound("casework.error.caseNotFound");
		}
		TaskView task = c.tasks().stream().filter(t -> t.id() == taskId).findFirst()
			.orElseThrow(() -> Problem.notFound("payments.error.noFee"));
		boolean deciding = user.hasRole(Role.OFFICER) && task.departmentCode() != null
				&& task.departmentCode().equals(user.department().orElse(null));
		if (!supervisor && !deciding) {
			throw Problem.forbidden("payments.error.notYourFee");
		}
		FeeLine line = books.lineOfTask(taskId).orElseThrow(() -> Problem.notFound("payments.error.noFee"));
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "payments.error.waiverInvalid",
					List.of(new Problem.FieldError("reason", "payments.error.waiverReason")));
		}
		Instant now = clock.instant();
		if (!books.waive(taskId, why, now)) {
			throw Problem.conflict("payments.error.notWaivable");
		}
		events.publishEvent(new FeeWaived(receipt, taskId, line.itemCode(), line.departmentCode(),
				line.amount().minor(), line.amount().currency(), why, user.username(), now));
		return books.lineOfTask(taskId).orElseThrow();
	}

	// --- figures

	/** What the fee lines add up to, per currency and per department and currency (for supervision). */
	public FeeFigures figures() {
		List<PaymentBooks.Total> totals = books.totals();
		Map<String, List<PaymentBooks.Total>> byCurrency = totals.stream()
			.collect(Collectors.groupingBy(PaymentBooks.Total::currency, java.util.TreeMap::new, Collectors.toList()));
		Map<List<String>, List<PaymentBooks.Total>> byDepartment = totals.stream()
			.collect(Collectors.groupingBy(t -> List.of(t.departmentCode(), t.currency()), java.util.LinkedHashMap::new,
					Collectors.toList()));
		return new FeeFigures(
				byCurrency.entrySet().stream().map(e -> figure(null, e.getKey(), e.getValue())).toList(),
				byDepartment.entrySet().stream().map(e -> figure(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList());
	}

	private static FeeFigures.Figure figure(String department, String currency, List<PaymentBooks.Total> totals) {
		java.util.function.Function<FeeStatus, Money> sum = status -> Money.of(totals.stream()
			.filter(t -> t.status() == status)
			.mapToLong(PaymentBooks.Total::minor)
			.sum(), currency);
		long waived = totals.stream().filter(t -> t.status() == FeeStatus.WAIVED).mapToLong(PaymentBooks.Total::count).sum();
		return new FeeFigures.Figure(department, sum.apply(FeeStatus.PAID), sum.apply(FeeStatus.DUE),
				sum.apply(FeeStatus.NOT_YET_DUE), waived);
	}

	/** Marks a payment submitted at the provider (the payer has paid; the notification is on its way). */
	public void submitted(String providerName, String providerRef) {
		books.paymentByProviderRef(providerName, providerRef)
			.ifPresent(p -> books.move(p.id(), PaymentStatus.SUBMITTED, clock.instant(), PaymentStatus.CREATED));
	}

}
