package org.hetao.estation.certificates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.TaskDecided;
import org.hetao.estation.casework.TaskView;
import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Masking;
import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, serves, verifies and revokes e-certificates, and renders a case's notices. A certificate is
 * issued for every approved task, by the deciding department, after the decision commits: signed with
 * the platform's key, its SHA-256 registered with the PDF as issued.
 */
@Service
public class Certificates {

	private static final Logger log = LoggerFactory.getLogger(Certificates.class);

	/** Reads cases for issuing certificates outside any request: a clerk may see every case. */
	private static final EstationUser SYSTEM = new EstationUser(0, "system", null, "system", Set.of(Role.CLERK), null,
			null, Language.DEFAULT, true, null);

	static final int MAX_REASON = 500;

	private final CertificateRepository certificates;

	private final PdfDocuments documents;

	private final PdfSignatures signatures;

	private final CaseReading cases;

	private final Accounts accounts;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CertificateNumbers numbers = new CertificateNumbers();

	private final TransactionTemplate transactions;

	Certificates(CertificateRepository certificates, PdfDocuments documents, PdfSignatures signatures, CaseReading cases,
			Accounts accounts, Catalog catalog, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.certificates = certificates;
		this.documents = documents;
		this.signatures = signatures;
		this.cases = cases;
		this.accounts = accounts;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ issuing

	/**
	 * After the decision commits, on the rendering threads. Spring Modulith records the event in the same
	 * transaction as the decision and marks it done only when this returns, so a certificate lost with the
	 * process is issued at the next start.
	 */
	@Async(CertificateRendering.EXECUTOR)
	@TransactionalEventListener
	void on(TaskDecided decided) {
		if (decided.approved()) {
			issue(decided);
		}
	}

	/**
	 * Issues the certificate of an approved task, once. The PDF is rendered and signed with no transaction
	 * open (no connection is held meanwhile); only the insert is a transaction, and the unique key on the task
	 * makes a second issue of the same task (a redelivered event, another node) a no-op.
	 */
	public Optional<Certificate> issue(TaskDecided decided) {
		if (!decided.approved() || certificates.existsForTask(decided.taskId())) {
			return Optional.empty();
		}
		CaseView c;
		try {
			c = cases.viewTask(SYSTEM, decided.taskId());
		}
		catch (Problem notFound) {
			log.warn("No certificate for task {} of {}: no such task", decided.taskId(), decided.receiptNumber());
			return Optional.empty();
		}
		TaskView task = c.task(decided.taskId());
		Language language = languageOf(c.applicant().accountId()).orElse(Language.DEFAULT);
		Instant now = clock.instant();
		String number = numbers.next(now.atZone(clock.getZone()).getYear());
		byte[] unsigned = documents.certificate(number, c.applicant().name(), task.itemCode(), decided.departmentCode(),
				decided.outputs() == null ? task.outputs() : decided.outputs(), now, language);
		java.util.GregorianCalendar at = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone(clock.getZone()));
		at.setTimeInMillis(now.toEpochMilli());
		byte[] signed = signatures.sign(unsigned, "Hetao e-Station", number, at);
		String sha256 = sha256(signed);
		Certificate certificate = new Certificate(number, c.receiptNumber(), c.id(), task.id(), task.itemCode(),
				decided.departmentCode(), Masking.name(c.applicant().name()), c.applicant().accountId(), language.tag(),
				sha256, now, CertificateStatus.VALID, null, null, null, 0);
		try {
			// TransactionTemplate (CONVENTIONS): only the insert is a transaction, after the slow rendering and signing
			transactions.executeWithoutResult(status -> {
				certificates.insert(certificate, signed);
				events.publishEvent(new CertificateIssued(number, c.receiptNumber(), task.id(), task.itemCode(),
						decided.departmentCode(), sha256, now));
			});
		}
		catch (DuplicateKeyException issuedMeanwhile) {
			if (certificates.existsForTask(task.id())) {
				return Optional.empty();
			}
			throw issuedMeanwhile;
		}
		log.info("Issued e-certificate {} for {} task {}", number, c.receiptNumber(), task.id());
		return Optional.of(certificate);
	}

	private Optional<Language> languageOf(Long accountId) {
		return accountId == null ? Optional.empty()
				: accounts.contact(accountId).map(Accounts.Contact::preferredLanguage).filter(Objects::nonNull);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	// ------------------------------------------------------------------ verifying (public)

	/** What a typed number is: valid, revoked or unknown (also for a mistyped number). */
	@Transactional(readOnly = true)
	public Verification lookup(String typed) {
		return CertificateNumbers.normalize(typed)
			.flatMap(certificates::byNumber)
			.map(this::verification)
			.orElseGet(() -> Verification.unknown(typed == null ? null : typed.strip().toUpperCase(Locale.ROOT)));
	}

	/**
	 * What an uploaded file is: the registered certificate it is byte for byte, with a valid platform
	 * signature (valid or revoked); anything else is altered.
	 */
	@Transactional(readOnly = true)
	public Verification verify(byte[] pdf) {
		if (pdf == null || pdf.length == 0) {
			throw new Problem(Problem.Kind.INVALID, "certificates.error.fileRequired",
					List.of(new Problem.FieldError("file", "certificates.error.fileRequired")));
		}
		Optional<Certificate> registered = certificates.bySha256(sha256(pdf));
		if (registered.isEmpty() || !signatures.verify(pdf)) {
			return Verification.altered();
		}
		return verification(registered.get());
	}

	private Verification verification(Certificate c) {
		return new Verification(c.number(), c.status(), c.issuedAt(), departmentName(c.departmentCode()),
				catalog.item(c.itemCode()).map(i -> i.name()).orElse(null),
				// masked again as a name: certificates issued before #21 kept more of it (陳大文 CHAN → 陳大文 ****)
				Masking.name(c.holderMasked()), c.revokedAt(),
				c.revokeReason());
	}

	private LocalizedText departmentName(String code) {
		return catalog.department(code).map(d -> d.name()).orElse(LocalizedText.of(code, code, code));
	}

	// ------------------------------------------------------------------ staff and holders

	private boolean officerOf(EstationUser user, Certificate c) {
		return user.hasRole(Role.OFFICER) && Objects.equals(user.departmentCode(), c.departmentCode());
	}

	private boolean maySee(EstationUser user, Certificate c) {
		return (c.holderAccountId() != null && c.holderAccountId() == user.id()) || user.hasRole(Role.CLERK)
				|| officerOf(user, c);
	}

	/** A certificate its holder, a clerk or an officer of the issuing department may see; else 404. */
	@Transactional(readOnly = true)
	public Certificate view(EstationUser user, String number) {
		return CertificateNumbers.normalize(number)
			.flatMap(certificates::byNumber)
			.filter(c -> maySee(user, c))
			.orElseThrow(() -> Problem.notFound("certificates.error.notFound"));
	}

	/** The signed PDF as issued (and registered). */
	@Transactional(readOnly = true)
	public byte[] pdf(EstationUser user, String number) {
		Certificate c = view(user, number);
		return certificates.pdf(c.number()).orElseThrow(() -> Problem.notFound("certificates.error.notFound"));
	}

	/** Whether this user may revoke the certificate: an officer of the department that issued it. */
	public boolean mayRevoke(EstationUser user, Certificate c) {
		return officerOf(user, c) && c.status() == CertificateStatus.VALID;
	}

	/** Revokes a certificate of the officer's own department (another department's: 404), with a reason. */
	@Transactional
	public Certificate revoke(EstationUser user, String number, String reason) {
		Certificate c = CertificateNumbers.normalize(number)
			.flatMap(certificates::byNumber)
			.filter(found -> officerOf(user, found))
			.orElseThrow(() -> Problem.notFound("certificates.error.notFound"));
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw new Problem(Problem.Kind.INVALID, "certificates.error.reason",
					List.of(new Problem.FieldError("reason", "certificates.error.reason", MAX_REASON)), MAX_REASON);
		}
		if (c.status() == CertificateStatus.REVOKED) {
			throw Problem.conflict("certificates.error.alreadyRevoked");
		}
		Instant now = clock.instant();
		if (!certificates.revoke(c.number(), c.version(), now, user.username(), why)) {
			throw Problem.conflict("certificates.error.alreadyRevoked");
		}
		events.publishEvent(new CertificateRevoked(c.number(), c.receiptNumber(), c.departmentCode(), user.username(), why, now));
		return certificates.byNumber(c.number()).orElseThrow();
	}

	/**
	 * The documents of a case, as this user may see them (see {@link CaseReading#viewByReceipt}): the notices they
	 * may download now, in order; the certificates of its tasks they may see; and, by item code in task order, the
	 * approved tasks whose certificate is still being rendered (it is issued seconds after the decision, and the case
	 * page says so meanwhile).
	 */
	public record CaseDocuments(List<DocumentKind> notices, List<Certificate> certificates, List<String> beingIssued) {
	}

	/** The documents of a case: one read of the case and one of its certificates. */
	@Transactional(readOnly = true)
	public CaseDocuments documentsOf(EstationUser user, String receiptNumber) {
		CaseView c = cases.viewByReceipt(user, receiptNumber);
		List<DocumentKind> notices = new java.util.ArrayList<>(List.of(DocumentKind.RECEIPT));
		if (c.tasks().stream().anyMatch(t -> !t.deficiencies().isEmpty())) {
			notices.add(DocumentKind.CORRECTION_NOTICE);
		}
		if (c.tasks().stream().anyMatch(PdfDocuments::refused)) {
			notices.add(DocumentKind.REFUSAL_NOTICE);
		}
		List<Certificate> all = certificates.ofReceipt(c.receiptNumber());
		List<Certificate> visible = all.stream()
			.filter(cert -> c.tasks().stream().anyMatch(t -> t.id() == cert.taskId() && cases.maySeeTask(user, c, t)))
			.toList();
		Set<Long> issued = new java.util.HashSet<>();
		all.forEach(cert -> issued.add(cert.taskId()));
		List<String> beingIssued = c.tasks()
			.stream()
			.filter(t -> t.status() == org.hetao.estation.casework.TaskStatus.APPROVED
					|| (t.status() == org.hetao.estation.casework.TaskStatus.DELIVERED && t.reason() == null))
			.filter(t -> !issued.contains(t.id()) && cases.maySeeTask(user, c, t))
			.map(TaskView::itemCode)
			.toList();
		return new CaseDocuments(notices, visible, beingIssued);
	}

	// ------------------------------------------------------------------ notices

	/**
	 * A notice of a case the user may see, in {@code language} or else the applicant's own language, else
	 * {@code fallback}.
	 */
	@Transactional(readOnly = true)
	public byte[] notice(EstationUser user, String receiptNumber, DocumentKind kind, Language language, Language fallback) {
		CaseView c = cases.viewByReceipt(user, receiptNumber);
		Language in = language != null ? language : languageOf(c.applicant().accountId()).orElse(fallback);
		return switch (kind) {
			case RECEIPT -> documents.receipt(c, in);
			case CORRECTION_NOTICE -> documents.correctionNotice(c, in);
			case REFUSAL_NOTICE -> documents.refusalNotice(c, in);
			case CERTIFICATE -> throw Problem.notFound("certificates.error.noSuchDocument");
		};
	}

	/** The public verification page's address. */
	public String verifyPage() {
		return documents.verifyPage();
	}

}
