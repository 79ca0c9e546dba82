package org.hetao.estation.policy.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.policy.ConsultationAnswered;
import org.hetao.estation.policy.FaqPublished;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LateBeans;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.OnCommit;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.PublishedFaqs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes a question to the department that owns the item or policy, lets that department's officers
 * answer it, and publishes good answers to the FAQ. Applicants see only their own questions; officers
 * only their department's queue. Someone else's consultation is "not found", not "forbidden", so its
 * existence is not revealed.
 */
@Service
public class ConsultationDesk implements PublishedFaqs {

	public static final int MAX_QUESTION = 2000;

	public static final int MAX_ANSWER = 4000;

	private final Consultations consultations;

	private final PolicyLibrary policies;

	private final Supplier<Optional<Catalog>> catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final FaqCache faqs = new FaqCache(System::nanoTime);

	ConsultationDesk(Consultations consultations, PolicyLibrary policies, ObjectProvider<Catalog> catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.consultations = consultations;
		this.policies = policies;
		this.catalog = LateBeans.optional(catalog);
		this.events = events;
		this.clock = clock;
	}

	/** What a consultation is about, with its owning department. */
	public record Subject(String type, String code, LocalizedText title, String departmentCode) {
	}

	public Subject subject(String type, String code) {
		if ("POLICY".equals(type)) {
			return policies.find(code)
				.map(p -> new Subject("POLICY", p.code(), p.title(), p.departmentCode()))
				.orElseThrow(() -> Problem.notFound("policy.consultation.subject.notFound"));
		}
		if ("ITEM".equals(type)) {
			Catalog c = catalog.get().orElse(null);
			if (c != null) {
				return c.item(code)
					.map(i -> new Subject("ITEM", i.code(), i.name(), i.departmentCode()))
					.orElseThrow(() -> Problem.notFound("policy.consultation.subject.notFound"));
			}
		}
		throw Problem.notFound("policy.consultation.subject.notFound");
	}

	@Transactional
	public long ask(EstationUser applicant, String type, String code, String question, Language language) {
		if (!applicant.hasRole(Role.APPLICANT)) {
			throw Problem.forbidden("policy.consultation.applicantsOnly");
		}
		Subject subject = subject(type, code);
		return consultations.create(applicant.id(), subject.type(), subject.code(), subject.departmentCode(),
				question.strip(), language.tag(), clock.instant());
	}

	public Consultations.Consultation view(long id, EstationUser user) {
		Consultations.Consultation c = consultations.find(id)
			.orElseThrow(() -> Problem.notFound("policy.consultation.notFound"));
		boolean own = user.hasRole(Role.APPLICANT) && c.applicantId() == user.id();
		boolean department = user.hasRole(Role.OFFICER) && c.departmentCode().equals(user.departmentCode());
		if (!own && !department) {
			throw Problem.notFound("policy.consultation.notFound");
		}
		return c;
	}

	/** The applicant's own questions, or the officer's department queue. */
	public List<Consultations.Consultation> list(EstationUser user) {
		if (user.hasRole(Role.OFFICER) && user.departmentCode() != null) {
			return consultations.ofDepartment(user.departmentCode());
		}
		if (user.hasRole(Role.APPLICANT)) {
			return consultations.ofApplicant(user.id());
		}
		throw Problem.forbidden("policy.consultation.applicantsOrOfficers");
	}

	@Transactional
	public void answer(long id, int version, String answer, EstationUser officer) {
		Consultations.Consultation c = requireDepartment(id, officer);
		if (c.answered()) {
			throw Problem.conflict("policy.consultation.alreadyAnswered");
		}
		if (!consultations.answer(id, version, answer.strip(), officer.id(), clock.instant())) {
			throw Problem.conflict("error.concurrentChange");
		}
		events.publishEvent(new ConsultationAnswered(id, c.applicantId(), c.subjectType(), c.subjectCode(),
				c.departmentCode(), clock.instant()));
	}

	@Transactional
	public void publish(long id, EstationUser officer) {
		Consultations.Consultation c = requireDepartment(id, officer);
		if (!c.answered()) {
			throw Problem.conflict("policy.consultation.notAnswered");
		}
		if (!consultations.publish(id)) {
			throw Problem.conflict("policy.consultation.alreadyPublished");
		}
		events.publishEvent(new FaqPublished(id, c.subjectType(), c.subjectCode()));
		// the pages' kept copy is dropped once the publication is committed (before, a page could keep the old one)
		OnCommit.run(() -> faqs.forget(c.subjectType(), c.subjectCode()));
	}

	/** The published questions of an item or a policy, for its page (kept a short while: {@link FaqCache}). */
	@Override
	public List<PublishedFaqs.Entry> of(String subjectType, String subjectCode) {
		return faqs.get(subjectType, subjectCode, () -> consultations.faqsOf(subjectType, subjectCode)
			.stream()
			.map(c -> new PublishedFaqs.Entry(c.question(), c.answer(), Language.fromTag(c.language()).orElse(Language.DEFAULT)))
			.toList());
	}

	private Consultations.Consultation requireDepartment(long id, EstationUser officer) {
		Consultations.Consultation c = consultations.find(id)
			.orElseThrow(() -> Problem.notFound("policy.consultation.notFound"));
		if (!officer.hasRole(Role.OFFICER) || !c.departmentCode().equals(officer.departmentCode())) {
			throw Problem.notFound("policy.consultation.notFound");
		}
		return c;
	}

}
