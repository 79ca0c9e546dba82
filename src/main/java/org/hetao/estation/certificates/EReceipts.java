package org.hetao.estation.certificates;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Money;
import org.springframework.stereotype.Component;

/**
 * E-receipts (電子票據) of payments, made the way e-certificates are: a number of their own series
 * ({@code HTR-2026-…}, the certificates' form and check), a PDF in the payer's language with a QR code to
 * {@code /verify}, signed with the platform's key. The payments module owns the receipts (which payment, which
 * number); this is what it needs of the certificates' insides, and {@link ReceiptRegister} is how {@code /verify}
 * asks it about a receipt number.
 */
@Component
public class EReceipts {

	private final PdfDocuments documents;

	private final PdfSignatures signatures;

	private final CertificateNumbers numbers = CertificateNumbers.of(CertificateNumbers.RECEIPTS);

	EReceipts(PdfDocuments documents, PdfSignatures signatures) {
		this.documents = documents;
		this.signatures = signatures;
	}

	/** One item paid. */
	public record Line(String itemCode, String departmentCode, Money amount) {
	}

	/**
	 * What a receipt says.
	 *
	 * @param payer the payer's name, masked (陳*文)
	 * @param caseReceipt the application's receipt number
	 * @param refunded what has been refunded of it so far (zero when nothing)
	 */
	public record Content(String number, String payer, String caseReceipt, List<Line> lines, Money total, Instant paidAt,
			Money refunded) {
	}

	/** A new receipt number, e.g. {@code HTR-2026-7K3QXM9P2D4W}. */
	public String nextNumber(int year) {
		return numbers.next(year);
	}

	/** A typed receipt number in its canonical form; empty when it cannot be one (form or check). */
	public static Optional<String> normalize(String typed) {
		return CertificateNumbers.normalize(typed, CertificateNumbers.RECEIPTS);
	}

	/** The receipt as a PDF in {@code language}, signed by the platform. */
	public byte[] signedPdf(Content content, Language language) {
		byte[] unsigned = documents.eReceipt(content, language);
		GregorianCalendar at = new GregorianCalendar(TimeZone.getTimeZone(documents.zone()));
		at.setTimeInMillis(content.paidAt().toEpochMilli());
		return signatures.sign(unsigned, "Hetao e-Station", content.number(), at);
	}

	/** Whether a PDF carries one valid signature of the platform over the whole file. */
	public boolean signedByThePlatform(byte[] pdf) {
		return signatures.verify(pdf);
	}

	/** The address its QR code points to. */
	public String verifyUrl(String number) {
		return documents.verifyUrl(number);
	}

}
