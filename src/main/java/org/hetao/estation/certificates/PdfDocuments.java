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

	private PdfLayout open(Language language, DocumentKind kind, String subject) throws IOException {
		String title = t(language, "certificates.pdf." + kind.slug() + ".title");
		PdfLayout pdf = new PdfLayout(font, title, subject, calendar(clock.instant()));
		pdf.paragraph(t(language, "certificates.pdf.platform"), 10, 0);
		pdf.title(title, 20);
		return pdf;
	}

	private void applicant(PdfLayout pdf, CaseView c, Language language) throws IOException {
		pdf.field(t(language, "certificates.pdf.receiptNumber"), c.receiptNumber());
		pdf.field(t(language, "certificates.pdf.applicant"), c.applicant().name());
		if (c.applicant().maskedIdNumber() != null) {
			pdf.field(t(language, "certificates.pdf.idNumber"), c.applicant().maskedIdNumber());
		}
	}

	private byte[] finish(PdfLayout pdf, Language language) throws IOException {
		pdf.space(12);
		pdf.field(t(language, "certificates.pdf.issuedOn"), date(clock.instant()));
		return pdf.toBytes();
	}

	byte[] receipt(CaseView c, Language language) {
		try (PdfLayout pdf = open(language, DocumentKind.RECEIPT, c.receiptNumber())) {
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
			return finish(pdf, language);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Every deficiency of every task that has one, at once. */
	byte[] correctionNotice(CaseView c, Language language) {
		List<? extends TaskView> tasks = c.tasks().stream().filter(t -> !t.deficiencies().isEmpty()).toList();
		if (tasks.isEmpty()) {
			throw Problem.notFound("certificates.error.noSuchDocument");
		}
		try (PdfLayout pdf = open(language, DocumentKind.CORRECTION_NOTICE, c.receiptNumber())) {
			applicant(pdf, c, language);
			pdf.space(6);
			pdf.paragraph(t(language, "certificates.pdf.correction-notice.lead"));
			for (TaskView task : tasks) {
				pdf.heading(t(language, "certificates.pdf.item.heading", itemName(task.itemCode(), language),
						departmentName(task.departmentCode(), language)));
				List<String> lines = new ArrayList<>();
				for (Deficiency d : task.deficiencies()) {
					var subject = d.subject(item(task.itemCode()).orElse(null));
					String material = subject == null ? null : subject.get(language);
					lines.add(material == null ? d.note()
							: d.note() == null ? material : t(language, "certificates.pdf.deficiency", material, d.note()));
				}
				pdf.numbered(lines);
			}
			pdf.space(8);
			pdf.paragraph(t(language, "certificates.pdf.correction-notice.footer"));
			return finish(pdf, language);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean refused(TaskView task) {
		return task.status() == TaskStatus.REFUSED || (task.status() == TaskStatus.DELIVERED && task.reason() != null);
	}

	byte[] refusalNotice(CaseView c, Language language) {
		List<? extends TaskView> tasks = c.tasks().stream().filter(PdfDocuments::refused).toList();
		if (tasks.isEmpty()) {
			throw Problem.notFound("certificates.error.noSuchDocument");
		}
		try (PdfLayout pdf = open(language, DocumentKind.REFUSAL_NOTICE, c.receiptNumber())) {
			applicant(pdf, c, language);
			pdf.space(6);
			pdf.paragraph(t(language, "certificates.pdf.refusal-notice.lead"));
			for (TaskView task : tasks) {
				pdf.heading(t(language, "certificates.pdf.item.heading", itemName(task.itemCode(), language),
						departmentName(task.departmentCode(), language)));
				pdf.field(t(language, "certificates.pdf.reason"), task.reason());
			}
			pdf.space(8);
			pdf.paragraph(t(language, "certificates.pdf.refusal-notice.remedy"));
			return finish(pdf, language);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The e-certificate before signing. */
	byte[] certificate(String number, String holder, String itemCode, String departmentCode, Map<String, String> outputs,
			Instant issuedAt, Language language) {
		try (PdfLayout pdf = new PdfLayout(font, t(language, "certificates.pdf.certificate.title"), number,
				calendar(issuedAt))) {
			pdf.paragraph(t(language, "certificates.pdf.platform"), 10, 0);
			pdf.title(t(language, "certificates.pdf.certificate.title"), 24);
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
			pdf.space(8);
			pdf.image(QrCodes.of(verifyUrl(number)), 110, verifyUrl(number));
			pdf.space(8);
			pdf.paragraph(t(language, "certificates.pdf.certificate.verify", verifyUrl));
			pdf.paragraph(t(language, "certificates.pdf.certificate.signed"));
			return pdf.toBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An e-receipt before signing: who paid what to whom and when, with a QR code to verify it. */
	byte[] eReceipt(EReceipts.Content r, Language language) {
		String title = t(language, "certificates.pdf.e-receipt.title");
		try (PdfLayout pdf = new PdfLayout(font, title, r.number(), calendar(r.paidAt()))) {
			java.util.Locale locale = language.locale();
			pdf.paragraph(t(language, "certificates.pdf.platform"), 10, 0);
			pdf.title(title, 24);
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
			pdf.space(8);
			pdf.image(QrCodes.of(verifyUrl(r.number())), 110, verifyUrl(r.number()));
			pdf.space(8);
			pdf.paragraph(t(language, "certificates.pdf.e-receipt.verify", verifyUrl));
			pdf.paragraph(t(language, "certificates.pdf.e-receipt.signed"));
			return pdf.toBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
