package org.hetao.estation.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.casework.internal.CorrectionNotices;
import org.hetao.estation.casework.internal.ItemTask;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.MaterialRequirement;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What applicants do with their own case after submitting it (anybody else's case answers 404): answer its
 * correction notices, complete an item where they are, withdraw it. Each action locks the case, applies the rule
 * of the aggregate, stores the change and publishes its events, in one transaction.
 */
@Service
public class ApplicantActions {

	private final CaseRepository cases;

	private final CaseSteps steps;

	private final Documents documents;

	private final CorrectionNotices notices;

	private final CaseworkClock time;

	ApplicantActions(CaseRepository cases, CaseSteps steps, Documents documents, CorrectionNotices notices,
			CaseworkClock time) {
		this.cases = cases;
		this.steps = steps;
		this.documents = documents;
		this.notices = notices;
		this.time = time;
	}

	/**
	 * The applicant answers the correction notices of their case in one go: corrected answers
	 * ({@code item.<code>.<field>}) and new documents (material code → document id); every material a notice
	 * names must be supplied again. Then every task waiting for a correction goes back, its clock resumed.
	 */
	@Transactional
	public CaseView resubmit(EstationUser user, long caseId, Map<String, String> answers, Map<String, Long> materials,
			CaseChannel channel) {
		Case c = cases.load(caseId, true).filter(x -> CaseSteps.owns(user, x))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
		Map<String, String> given = answers == null ? Map.of() : answers;
		Map<String, Long> docs = materials == null ? Map.of() : materials;
		List<Problem.FieldError> errors = new ArrayList<>();
		docs.forEach((code, doc) -> {
			if (doc == null || documents.ownDocument(user, doc).isEmpty()) {
				errors.add(new Problem.FieldError(ApplicationPlan.materialKey(code), "casework.material.notYours"));
			}
		});
		List<ItemTask> waiting = c.tasks().stream().filter(t -> t.status() == TaskStatus.CORRECTION_REQUESTED).toList();
		if (waiting.isEmpty()) {
			throw new IllegalTransition("RESUBMIT", c.tasks().get(0).status());
		}
		for (ItemTask task : waiting) {
			ServiceItem item = steps.item(task.itemCode());
			for (FormField field : item.fields()) {
				String key = ApplicationPlan.itemKey(task.itemCode(), field.key());
				if (given.containsKey(key)) {
					FieldRules.check(field, given.get(key)).ifPresent(e -> errors.add(new Problem.FieldError(key, e)));
				}
			}
			for (Deficiency d : task.deficiencies()) {
				if (d.materialCode() != null && docs.get(d.materialCode()) == null) {
					errors.add(new Problem.FieldError(ApplicationPlan.materialKey(d.materialCode()),
							"casework.correction.materialRequired"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.INVALID, "casework.error.invalidCorrection",
					errors.stream().distinct().toList());
		}
		Map<Long, Set<String>> changedFields = new LinkedHashMap<>();
		Map<Long, Set<String>> changedMaterials = new LinkedHashMap<>();
		for (ItemTask task : waiting) {
			ServiceItem item = steps.item(task.itemCode());
			Set<String> fields = new TreeSet<>();
			Set<String> supplied = new TreeSet<>();
			for (FormField field : item.fields()) {
				String v = given.get(ApplicationPlan.itemKey(task.itemCode(), field.key()));
				if (v != null && !v.isBlank()) {
					if (!v.strip().equals(task.formData().get(field.key()))) {
						fields.add(field.key());
					}
					c.correctFormValue(task.id(), field.key(), v.strip());
				}
			}
			for (MaterialRequirement m : item.materials()) {
				Long doc = docs.get(m.code());
				if (doc != null) {
					if (!doc.equals(task.materials().get(m.code()))) {
						supplied.add(m.code());
					}
					c.correctMaterial(task.id(), m.code(), doc);
				}
			}
			changedFields.put(task.id(), fields);
			changedMaterials.put(task.id(), supplied);
		}
		Case.Step step = time.step(user, channel);
		c.resubmit(step);
		// what each notice's answer changed: all a later notice of the task may name again
		waiting.forEach(t -> notices.answered(t.id(), changedMaterials.get(t.id()), changedFields.get(t.id()), step.at()));
		return steps.store(c);
	}

	/**
	 * The applicant completes, where they are ({@code channel}: a registered cross-border self-service kiosk, or online),
	 * an item of their matter marked to be completed there; 422 {@code casework.error.channelNotOffered} elsewhere.
	 */
	@Transactional
	public CaseView completeInPerson(EstationUser user, long taskId, CaseChannel channel) {
		Case c = cases.loadOfTaskForUpdate(taskId).filter(x -> CaseSteps.owns(user, x))
			.orElseThrow(() -> Problem.notFound("casework.error.taskNotFound"));
		c.completeInPerson(taskId, steps.item(c.task(taskId).itemCode()).channels(), time.step(user, channel));
		return steps.store(c);
	}

	@Transactional
	public CaseView withdraw(EstationUser user, long caseId, String reason, CaseChannel channel) {
		Case c = cases.load(caseId, true).filter(x -> CaseSteps.owns(user, x))
			.orElseThrow(() -> Problem.notFound("casework.error.caseNotFound"));
		c.withdraw(reason == null || reason.isBlank() ? null : reason.strip(), time.step(user, channel));
		return steps.store(c);
	}

}
