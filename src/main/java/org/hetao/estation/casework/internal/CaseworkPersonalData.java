package org.hetao.estation.casework.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.Applicant;
import org.hetao.estation.documents.DocumentRetention;
import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalDataContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data in casework: the applicant's identity document number and phone on a case (encrypted, with
 * blind indexes for the window's search), personal form fields in tasks and drafts (encrypted one by one),
 * and what the applicant's export and erasure include. Erasure keeps open cases (they are still being
 * handled) and decided cases (archive retention); it removes drafts and the personal data of withdrawn cases.
 */
@Configuration(proxyBeanMethods = false)
class CaseworkPersonalData {

	static final EncryptedColumn ID_NUMBER = EncryptedColumn.indexed("casework_case", "applicant_id_number",
			"applicant_id_number_bidx", EncryptedColumn.BlindIndex.IDENTIFIER);

	static final EncryptedColumn PHONE = EncryptedColumn.indexed("casework_case", "applicant_phone",
			"applicant_phone_bidx", EncryptedColumn.BlindIndex.PHONE);

	static final EncryptedColumn FORM_DATA = EncryptedColumn.jsonFields("casework_task", "form_data");

	static final EncryptedColumn DRAFT_ANSWERS = EncryptedColumn.jsonFields("casework_draft", "answers");

	static final EncryptedColumn DRAFT_WALK_IN = EncryptedColumn.jsonFields("casework_draft", "walk_in");

	@Bean
	EncryptedColumn caseworkApplicantIdNumber() {
		return ID_NUMBER;
	}

	@Bean
	EncryptedColumn caseworkApplicantPhone() {
		return PHONE;
	}

	@Bean
	EncryptedColumn caseworkFormData() {
		return FORM_DATA;
	}

	@Bean
	EncryptedColumn caseworkDraftAnswers() {
		return DRAFT_ANSWERS;
	}

	@Bean
	EncryptedColumn caseworkDraftWalkIn() {
		return DRAFT_WALK_IN;
	}

	/** Documents that a case not withdrawn refers to stay when their owner asks for erasure. */
	@Bean
	DocumentRetention caseworkDocumentRetention(JdbcClient jdbc) {
		return documentId -> jdbc.sql("""
				select count(*) from casework_task_material m join casework_task t on t.id = m.task_id
				join casework_case c on c.id = t.case_id where m.document_id = :d and c.status <> 'WITHDRAWN'""")
			.param("d", documentId)
			.query(Long.class)
			.single() > 0;
	}

	@Bean
	PersonalDataContributor caseworkPersonalDataContributor(CaseRepository cases, Drafts drafts, JdbcClient jdbc) {
		return new PersonalDataContributor() {
			@Override
			public String section() {
				return "casework";
			}

			@Override
			public Map<String, Object> export(long accountId) {
				Map<String, Object> out = new LinkedHashMap<>();
				List<Map<String, Object>> list = new ArrayList<>();
				for (long id : cases.idsOfApplicant(accountId, Integer.MAX_VALUE)) {
					cases.load(id, false).ifPresent(c -> list.add(caseMap(c)));
				}
				out.put("cases", list);
				out.put("drafts", drafts.openDraftsOf(accountId)
					.stream()
					.map(d -> {
						Map<String, Object> m = new LinkedHashMap<>();
						m.put("id", d.id());
						m.put("itemCode", d.itemCode());
						m.put("matterCode", d.matterCode());
						m.put("answers", d.answers());
						m.put("materials", d.materials());
						m.put("updatedAt", d.updatedAt().toString());
						return m;
					})
					.toList());
				return out;
			}

			@Override
			public List<Outcome> erase(long accountId, Retention retention) {
				List<Outcome> outcomes = new ArrayList<>();
				int draftCount = jdbc.sql("delete from casework_draft where owner_account_id = :a and case_id is null")
					.param("a", accountId)
					.update();
				outcomes.add(Outcome.erased("drafts", draftCount));
				int open = 0;
				int decided = 0;
				int withdrawn = 0;
				java.time.LocalDate keptUntil = null;
				Rule archive = retention.rule("caseDecided");
				for (long id : cases.idsOfApplicant(accountId, Integer.MAX_VALUE)) {
					Case c = cases.load(id, false).orElseThrow();
					switch (c.status()) {
						case IN_PROGRESS, ACTION_REQUIRED -> open++;
						case COMPLETED -> {
							decided++;
							java.time.LocalDate until = c.timeline().isEmpty() ? null
									: c.timeline().get(c.timeline().size() - 1).at().atZone(ZoneOffset.UTC).toLocalDate()
										.plusYears(archive.years());
							if (until != null && (keptUntil == null || until.isAfter(keptUntil))) {
								keptUntil = until;
							}
						}
						case WITHDRAWN -> {
							withdrawn++;
							jdbc.sql("""
									update casework_case set applicant_id_number = null, applicant_id_number_bidx = null,
									    applicant_phone = null, applicant_phone_bidx = null where id = :id""")
								.param("id", id)
								.update();
							jdbc.sql("update casework_task set form_data = '{}' where case_id = :id").param("id", id).update();
							jdbc.sql("update casework_draft set answers = '{}', walk_in = null where case_id = :id").param("id", id).update();
							// its documents are no longer needed by the case: the documents module may erase them
							jdbc.sql("delete from casework_task_material where task_id in (select id from casework_task where case_id = :id)")
								.param("id", id)
								.update();
						}
					}
				}
				if (open > 0) {
					outcomes.add(Outcome.kept("casesOpen", open, "privacy.reason.open"));
				}
				if (decided > 0) {
					outcomes.add(Outcome.kept("casesDecided", decided, "privacy.reason.caseDecided",
							String.valueOf(archive.years()), String.valueOf(keptUntil)));
				}
				if (withdrawn > 0) {
					outcomes.add(new Outcome("casesWithdrawn", Result.ERASED, withdrawn, "privacy.reason.casesWithdrawn",
							List.of(String.valueOf(withdrawn))));
				}
				return outcomes;
			}
		};
	}

	static Map<String, Object> caseMap(Case c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("receiptNumber", c.receiptNumber());
		m.put("matterCode", c.matterCode());
		m.put("status", c.status().name());
		m.put("submittedAt", c.submittedAt().toString());
		Applicant a = c.applicant();
		Map<String, Object> applicant = new LinkedHashMap<>();
		applicant.put("name", a.name());
		applicant.put("type", a.type().name());
		applicant.put("idDocumentType", a.idDocumentType());
		applicant.put("idDocumentNumber", a.idDocumentNumber());
		applicant.put("phone", a.phone());
		m.put("applicant", applicant);
		m.put("tasks", c.tasks().stream().map(t -> {
			Map<String, Object> tm = new LinkedHashMap<>();
			tm.put("itemCode", t.itemCode());
			tm.put("departmentCode", t.departmentCode());
			tm.put("status", t.status().name());
			tm.put("formData", t.formData());
			tm.put("materials", t.materials());
			tm.put("outputs", t.outputs());
			tm.put("reason", t.reason());
			tm.put("deadline", t.deadline() == null ? null : t.deadline().toString());
			return tm;
		}).toList());
		m.put("timeline", c.timeline().stream().map(e -> {
			Map<String, Object> em = new LinkedHashMap<>();
			em.put("at", e.at().toString());
			em.put("itemCode", e.itemCode());
			em.put("action", e.action());
			em.put("to", e.to() == null ? null : e.to().name());
			em.put("actorRole", e.actor().role());
			em.put("reason", e.reason());
			return em;
		}).toList());
		return m;
	}

}
