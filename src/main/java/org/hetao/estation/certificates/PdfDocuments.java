package org.hetao.estation.certificates;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.Deficiency;
import org.hetao.estation.casework.TaskStatus;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.ItemOutput;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The four documents with legal effect as PDFs, from the message bundles in the applicant's language: the
 * receipt, the one-time correction notice, the refusal notice and the (unsigned) e-certificate.
 */
@Component
class PdfDocuments {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final Catalog catalog;

	private final CjkFont font;

	private final Clock clock;

	private final String verifyUrl;

	PdfDocuments(MessageSource messages, Catalog catalog, CjkFont font, Clock clock,
			@Value("${estation.certificates.verify-url:${estation.notification.base-url:http://localhost:8080}/verify}") String verifyUrl) {
		this.messages = messages;
		this.catalog = catalog;
		this.font = font;
		this.clock = clock;
		this.verifyUrl = verifyUrl;
	}

	/** The public verification page's address for a certificate number: what its QR code says. */
	String verifyUrl(String number) {
		return verifyUrl + "?number=" + number;
	}

	String verifyPage() {
		return verifyUrl;
	}

	private String t(Language language, String key, Object... args) {
		return messages.getMessage(key, args, language.locale());
	}

	ZoneId zone() {
		return clock.getZone();
	}

	private String date(Instant at) {
		return DATE.format(at.atZone(zone()));
	}

	private Calendar calendar(Instant at) {
		GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone()));
		calendar.setTimeInMillis(at.toEpochMilli());
		return calendar;
	}

	private Optional<ServiceItem> item(String code) {
		return catalog.item(code);
	}

	private String itemName(String code, Language language) {
		return item(code).map(i -> i.name().get(language)).orElse(code);
	}

	private String departmentName(String code, Language language) {
		return catalog.department(code).map(d -> d.name().get(language)).orElse(code);
	}

	/** What a document draws between its heading (the platform and the title) and its bytes. */
	@FunctionalInterface
	private interface Body {

		void draw(PdfLayout pdf) throws IOException;

	}

	/** A document: the platform's name, the title, then its body. */
	private byte[] draw(Language language, String title, int titleSize, String subject, Instant at, Body body) {
		try (PdfLayout pdf = new PdfLayout(font, title, subject, calendar(at))) {
			pdf.paragraph(t(language, "certificates.pdf.platform"), 10, 0);
			pdf.title(title, titleSize);
			body.draw(pdf);
			return pdf.toBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A document about a case, issued now: its body ends with the date of issue. */
	private byte[] caseDocument(CaseView c, Language language, DocumentKind kind, Body body) {
		return draw(language, t(language, "certificates.pdf." + kind.slug() + ".title"), 20, c.receiptNumber(),
				clock.instant(), pdf -> {
					body.draw(pdf);
					pdf.space(12);
					pdf.field(t(language, "certificates.pdf.issuedOn"), date(clock.instant()));
				});
	}

	private void applicant(PdfLayout pdf, CaseView c, Language language) throws IOException {
		pdf.field(t(language, "certificates.pdf.receiptNumber"), c.receiptNumber());
		pdf.field(t(language, "certificates.pdf.applicant"), c.applicant().name());
		if (c.applicant().maskedIdNumber() != null) {
			pdf.field(t(language, "certificates.pdf.idNumber"), c.applicant().maskedIdNumber());
		}
	}

	/** The QR code of a signed document's verification page and the paragraphs that say how to use it. */
	private void verification(PdfLayout pdf, String number, Language language, String verifyKey, String signedKey)
			throws IOException {
		pdf.space(8);
		pdf.image(QrCodes.of(verifyUrl(number)), 110, verifyUrl(number));
		pdf.space(8);
		pdf.paragraph(t(language, verifyKey, verifyUrl));
		pdf.paragraph(t(language, signedKey));
	}

	byte[] receipt(CaseView c, Language language) {
		return caseDocument(c, language, DocumentKind.RECEIPT, pdf -> {
			pdf.paragraph(t(language, "certificates.pdf.receipt.lead"));
			applicant(pdf, c, language);
			pdf.field(t(language, "certificates.pdf.submittedAt"), DATE_TIME.format(c.submittedAt().atZone(zone())));
			pdf.heading(t(language, "certificates.pdf.items"));
			List<String> lines = new ArrayList<>();
			for (TaskView task : c.tasks()) {
				String deadline = task.deadline() != null ? t(language, "certificates.pdf.deadline.date", DATE.format(task.deadline()))
						: item(task.itemCode()).map(i -> t(language, "certificates.pdf.deadline.promised", i.promisedLimitDays()))
							.orElse("—");
				lines.add(t(language, "certificates.pdf.item.line", itemName(task.itemCode(), language),
						departmentName(task.departmentCode(), language), deadline));
			}
			pdf.numbered(lines);
			pdf.space(8);
			pdf.paragraph(t(language, "certificates.pdf.receipt.footer"));
		});
	}

	/** What a notice says about one of its tasks, under the task's heading. */
	@FunctionalInterface
	private interface TaskPart {

		void draw(PdfLayout pdf, TaskView task) throws IOException;

	}

	/**
	 * A notice about some of a case's tasks: the applicant, the notice's lead, each task under its heading, a closing
	 * paragraph; none when no task is concerned.
	 */
	private byte[] notice(CaseView c, Language language, DocumentKind kind, List<? extends TaskView> tasks,
			String closingKey, TaskPart part) {
		if (tasks.isEmpty()) {
			throw Problem.notFound("certificates.error.noSuchDocument");
		}
		return caseDocument(c, language, kind, pdf -> {
			applicant(pdf, c, language);
			pdf.space(6);
			pdf.paragraph(t(language, "certificates.pdf." + kind.slug() + ".lead"));
			for (TaskView task : tasks) {
				pdf.heading(t(language, "certificates.pdf.item.heading", itemName(task.itemCode(), language),
						departmentName(task.departmentCode(), language)));
				part.draw(pdf, task);
			}
			pdf.space(8);
			pdf.paragraph(t(language, closingKey));
		});
	}

	/** Every deficiency of every task that has one, at once. */
	byte[] correctionNotice(CaseView c, Language language) {
		return notice(c, language, DocumentKind.CORRECTION_NOTICE,
				c.tasks().stream().filter(t -> !t.deficiencies().isEmpty()).toList(),
				"certificates.pdf.correction-notice.footer", (pdf, task) -> {
					List<String> lines = new ArrayList<>();
					for (Deficiency d : task.deficiencies()) {
						var subject = d.subject(item(task.itemCode()).orElse(null));
						String material = subject == null ? null : subject.get(language);
						lines.add(material == null ? d.note()
								: d.note() == null ? material : t(language, "certificates.pdf.deficiency", material, d.note()));
					}
					pdf.numbered(lines);
				});
	}

	static boolean refused(TaskView task) {
		return task.status() == TaskStatus.REFUSED || (task.status() == TaskStatus.DELIVERED && task.reason() != null);
	}

	byte[] refusalNotice(CaseView c, Language language) {
		return notice(c, language, DocumentKind.REFUSAL_NOTICE, c.tasks().stream().filter(PdfDocuments::refused).toList(),
				"certificates.pdf.refusal-notice.remedy",
				(pdf, task) -> pdf.field(t(language, "certificates.pdf.reason"), task.reason()));
	}

	/** The e-certificate before signing. */
	byte[] certificate(String number, String holder, String itemCode, String departmentCode, Map<String, String> outputs,
			Instant issuedAt, Language language) {
		return draw(language, t(language, "certificates.pdf.certificate.title"), 24, number, issuedAt, pdf -> {
			pdf.space(6);
			pdf.field(t(language, "certificates.pdf.number"), number);
			pdf.field(t(language, "certificates.pdf.holder"), holder);
			pdf.field(t(language, "certificates.pdf.item"), itemName(itemCode, language));
			pdf.field(t(language, "certificates.pdf.result"), t(language, "certificates.pdf.approved"));
			List<ItemOutput> labels = item(itemCode).map(ServiceItem::outputs).orElse(List.of());
			for (ItemOutput output : labels) {
				if (outputs.get(output.key()) != null) {
					pdf.field(output.label().get(language), outputs.get(output.key()));
				}
			}
			for (var output : new java.util.TreeMap<>(outputs).entrySet()) {
				if (labels.stream().noneMatch(o -> o.key().equals(output.getKey())) && output.getValue() != null) {
					pdf.field(output.getKey(), output.getValue());
				}
			}
			pdf.field(t(language, "certificates.pdf.issuedAt"), date(issuedAt));
			pdf.field(t(language, "certificates.pdf.department"), departmentName(departmentCode, language));
			verification(pdf, number, language, "certificates.pdf.certificate.verify", "certificates.pdf.certificate.signed");
		});
	}

	/** An e-receipt before signing: who paid what to whom and when, with a QR code to verify it. */
	byte[] eReceipt(EReceipts.Content r, Language language) {
		java.util.Locale locale = language.locale();
		return draw(language, t(language, "certificates.pdf.e-receipt.title"), 24, r.number(), r.paidAt(), pdf -> {
			pdf.space(6);
			pdf.field(t(language, "certificates.pdf.e-receipt.number"), r.number());
			pdf.field(t(language, "certificates.pdf.e-receipt.payer"), r.payer());
			pdf.field(t(language, "certificates.pdf.receiptNumber"), r.caseReceipt());
			pdf.field(t(language, "certificates.pdf.e-receipt.paidAt"), DATE_TIME.format(r.paidAt().atZone(zone())));
			pdf.heading(t(language, "certificates.pdf.items"));
			List<String> lines = new ArrayList<>();
			for (EReceipts.Line line : r.lines()) {
				lines.add(t(language, "certificates.pdf.e-receipt.line", itemName(line.itemCode(), language),
						departmentName(line.departmentCode(), language), line.amount().format(locale)));
			}
			pdf.numbered(lines);
			pdf.field(t(language, "certificates.pdf.e-receipt.total"), r.total().format(locale));
			pdf.field(t(language, "certificates.pdf.e-receipt.currency"), r.total().currency());
			if (r.refunded() != null && !r.refunded().isZero()) {
				pdf.field(t(language, "certificates.pdf.e-receipt.refunded"), r.refunded().format(locale));
			}
			verification(pdf, r.number(), language, "certificates.pdf.e-receipt.verify", "certificates.pdf.e-receipt.signed");
		});
	}

}
