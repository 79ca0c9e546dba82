package org.hetao.estation.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.certificates.EReceipts;
import org.hetao.estation.certificates.ReceiptRegister;
import org.hetao.estation.certificates.ReceiptVerification;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.payments.internal.PaymentBooks;
import org.hetao.estation.payments.internal.ReceiptBook;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Masking;
import org.hetao.estation.shared.Money;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;

/**
 * E-receipts (電子票據) of payments that went through: one number per payment (the receipts' own series, kept in
 * {@code payments_receipt}), a signed PDF in the payer's language made on download (so it also says what has been
 * refunded since), and what {@code /verify} shows for a receipt number.
 */
@Service
public class PaymentReceipts implements ReceiptRegister {

	/** Reads the payer's name for the receipt: a clerk's view of any case. */
	private static final EstationUser SYSTEM = new EstationUser(0, "payments", null, "payments", Set.of(Role.CLERK), null,
			null, null, true, null);

	private final Payments payments;

	private final PaymentBooks books;

	private final ReceiptBook receipts;

	private final EReceipts eReceipts;

	private final CaseReading cases;

	private final Accounts accounts;

	private final Catalog catalog;

	private final Clock clock;

	PaymentReceipts(Payments payments, PaymentBooks books, ReceiptBook receipts, EReceipts eReceipts, CaseReading cases,
			Accounts accounts, Catalog catalog, Clock clock) {
		this.payments = payments;
		this.books = books;
		this.receipts = receipts;
		this.eReceipts = eReceipts;
		this.cases = cases;
		this.accounts = accounts;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Whether a payment has a receipt: it went through (refunded since or not). */
	public static boolean hasReceipt(Payment p) {
		return p.status() == PaymentStatus.SUCCEEDED || p.status() == PaymentStatus.PARTIALLY_REFUNDED
				|| p.status() == PaymentStatus.REFUNDED && p.refundedMinor() > 0;
	}

	/** A receipt's file and name. */
	public record File(String number, byte[] pdf) {
	}

	/**
	 * The signed e-receipt of a payment, for its payer and staff who may see it (anyone else: 404, as for the
	 * payment), in {@code language} or else the payer's own; 409 before the payment went through.
	 */
	public File pdf(EstationUser user, String paymentId, Language language) {
		Payment p = payments.payment(user, paymentId);
		Instant paidAt = receipts.succeededAt(p.id());
		if (!hasReceipt(p) || paidAt == null) {
			throw Problem.conflict("payments.error.noReceiptYet");
		}
		String number = receipts.numberFor(p.id(), eReceipts.nextNumber(paidAt.atZone(clock.getZone()).getYear()),
				clock.instant());
		Language in = language != null ? language
				: accounts.contact(p.payerAccountId()).map(Accounts.Contact::preferredLanguage).orElse(Language.DEFAULT);
		List<EReceipts.Line> lines = books.linesOf(p.id())
			.stream()
			.map(l -> new EReceipts.Line(l.itemCode(), l.departmentCode(), l.amount()))
			.toList();
		var content = new EReceipts.Content(number, payer(p), p.receiptNumber(), lines, p.amount(), paidAt,
				Money.of(p.refundedMinor(), p.amount().currency()));
		return new File(number, eReceipts.signedPdf(content, in));
	}

	private String payer(Payment p) {
		try {
			return Masking.name(cases.viewByReceipt(SYSTEM, p.receiptNumber()).applicant().name());
		}
		catch (Problem gone) {
			return Masking.name(accounts.contact(p.payerAccountId()).map(Accounts.Contact::displayName).orElse("—"));
		}
	}

	@Override
	public Optional<ReceiptVerification> receipt(String number) {
		return receipts.paymentOf(number).flatMap(books::payment).map(p -> {
			List<LocalizedText> departments = books.linesOf(p.id())
				.stream()
				.map(FeeLine::departmentCode)
				.distinct()
				.map(code -> catalog.department(code).map(d -> d.name()).orElse(LocalizedText.of(code, code, code)))
				.toList();
			return new ReceiptVerification(number, p.amount(), receipts.succeededAt(p.id()), departments, payer(p),
					Money.of(p.refundedMinor(), p.amount().currency()));
		});
	}

}
