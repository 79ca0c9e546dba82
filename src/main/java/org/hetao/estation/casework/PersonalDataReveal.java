package org.hetao.estation.casework;

import java.util.Objects;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.PersonalData;
import org.hetao.estation.shared.PersonalDataRevealed;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows one masked personal-data value of a case unmasked, to those who need it: the applicant themselves,
 * a clerk at the window, an officer of the department deciding the task. Every reveal is audited
 * ({@link PersonalDataRevealed}: who, which subject and field; never the value). Anyone else gets 404.
 */
@Service
public class PersonalDataReveal {

	private final CaseRepository cases;

	private final ApplicationEventPublisher events;

	PersonalDataReveal(CaseRepository cases, ApplicationEventPublisher events) {
		this.cases = cases;
		this.events = events;
	}

	/**
	 * @param field {@code applicant.idNumber}, {@code applicant.phone} or {@code task.<taskId>.<formKey>}
	 * @return the value unmasked
	 */
	@Transactional
	public String reveal(EstationUser user, long caseId, String field) {
		Case c = cases.load(caseId, false).orElseThrow(PersonalDataReveal::notFound);
		boolean owner = c.applicant().accountId() != null && c.applicant().accountId() == user.id();
		boolean clerk = user.hasRole(Role.CLERK);
		String value;
		String role;
		if ("applicant.idNumber".equals(field) || "applicant.phone".equals(field)) {
			boolean officer = c.tasks().stream().anyMatch(t -> officerOf(user, t));
			if (!owner && !clerk && !officer) {
				throw notFound();
			}
			role = (owner ? Role.APPLICANT : clerk ? Role.CLERK : Role.OFFICER).name();
			value = field.endsWith("idNumber") ? c.applicant().idDocumentNumber() : c.applicant().phone();
		}
		else if (field != null && field.startsWith("task.")) {
			String[] parts = field.split("\\.", 3);
			if (parts.length != 3 || !parts[1].matches("[0-9]{1,18}") || !PersonalData.isPersonalKey(parts[2])) {
				throw notFound();
			}
			long taskId = Long.parseLong(parts[1]);
			ItemTask task = c.tasks().stream().filter(t -> Objects.equals(t.id(), taskId)).findFirst().orElseThrow(PersonalDataReveal::notFound);
			boolean officer = officerOf(user, task);
			if (!owner && !clerk && !officer) {
				throw notFound();
			}
			role = (owner ? Role.APPLICANT : clerk ? Role.CLERK : Role.OFFICER).name();
			value = task.formData().get(parts[2]);
			field = task.itemCode() + "." + parts[2];
		}
		else {
			throw notFound();
		}
		if (value == null) {
			throw notFound();
		}
		String subject = c.applicant().accountId() != null ? "account:" + c.applicant().accountId()
				: "case:" + c.receiptNumber();
		events.publishEvent(new PersonalDataRevealed(subject, c.receiptNumber() + "/" + field, user.id(), role));
		return value;
	}

	private static boolean officerOf(EstationUser user, ItemTask task) {
		return user.hasRole(Role.OFFICER) && user.departmentCode() != null
				&& user.departmentCode().equals(task.departmentCode());
	}

	private static Problem notFound() {
		return Problem.notFound("casework.error.caseNotFound");
	}

}
