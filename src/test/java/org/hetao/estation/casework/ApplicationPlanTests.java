package org.hetao.estation.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.catalog.FieldType;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hetao.estation.casework.PlanFixtures.MATTER;
import static org.hetao.estation.casework.PlanFixtures.REGISTRATION;
import static org.hetao.estation.casework.PlanFixtures.TAX;

/** One form for a whole matter: shared facts once, materials once, outputs filled later; and the field rules. */
class ApplicationPlanTests {

	final ApplicationPlan plan = ApplicationPlan.forMatter(MATTER, List.of(REGISTRATION, TAX), ApplicantType.HK_ENTERPRISE);

	@Test
	void sharedFactsAreAskedOnceAndMappedOutputsAreNotAskedAtAll() {
		assertThat(plan.sharedFields()).extracting(s -> s.key()).containsExactly("companyName");
		assertThat(plan.items().get(0).ownFields()).extracting(FormField::key).containsExactly("capital", "contactPhone");
		assertThat(plan.items().get(1).ownFields()).extracting(FormField::key).containsExactly("accountant");
		assertThat(plan.items().get(1).filledLater()).extracting(FormField::key).containsExactly("creditCode");
		assertThat(plan.items().get(1).dependsOn()).containsExactly("MR-REG");
	}

	@Test
	void eachMaterialIsAskedOnceForTheApplicantsTypeAndAttachedToEveryItemNeedingIt() {
		assertThat(plan.materials()).extracting(ApplicationPlan.Material::code)
			.containsExactly("HKID_COPY", "BR_CERTIFICATE", "LEASE", "BANK_LETTER");
		assertThat(plan.materials().get(0).itemCodes()).containsExactly("MR-REG", "TAX-REG");
		ApplicationPlan resident = ApplicationPlan.forMatter(MATTER, List.of(REGISTRATION, TAX), ApplicantType.HK_RESIDENT);
		assertThat(resident.materials()).extracting(ApplicationPlan.Material::code).doesNotContain("BR_CERTIFICATE");

		List<Case.NewTask> tasks = plan.tasks(answers(), Map.of("HKID_COPY", 1L, "BR_CERTIFICATE", 2L, "LEASE", 3L,
				"BANK_LETTER", 4L));
		assertThat(tasks.get(0).materials()).containsOnlyKeys("HKID_COPY", "BR_CERTIFICATE", "LEASE");
		assertThat(tasks.get(1).materials()).containsOnlyKeys("HKID_COPY", "BANK_LETTER")
			.containsEntry("HKID_COPY", 1L);
	}

	@Test
	void aDocumentTheMatterIssuesItselfIsNeverAskedOf() {
		// the tax registration needs the bank letter; say the matter's registration issues it
		org.hetao.estation.catalog.Matter issuing = new org.hetao.estation.catalog.Matter(MATTER.code(), MATTER.name(),
				MATTER.description(), MATTER.items(), MATTER.sharedFields(), MATTER.outputMappings(),
				List.of(new org.hetao.estation.catalog.Matter.ProducedMaterial("MR-REG", "BANK_LETTER")), true);
		ApplicationPlan p = ApplicationPlan.forMatter(issuing, List.of(REGISTRATION, TAX), ApplicantType.HK_ENTERPRISE);

		assertThat(p.materials()).extracting(ApplicationPlan.Material::code)
			.containsExactly("HKID_COPY", "BR_CERTIFICATE", "LEASE");
		assertThat(p.produced()).singleElement().satisfies(m -> {
			assertThat(m.requirement().code()).isEqualTo("BANK_LETTER");
			assertThat(m.issuedBy().code()).isEqualTo("MR-REG");
			assertThat(m.itemCodes()).containsExactly("TAX-REG");
		});
		// nothing is missing without it, and no task is given an upload for it
		assertThat(p.checkMaterials(Map.of("HKID_COPY", 1L, "BR_CERTIFICATE", 2L, "LEASE", 3L))).isEmpty();
		assertThat(p.tasks(answers(), Map.of("HKID_COPY", 1L, "BR_CERTIFICATE", 2L, "LEASE", 3L)).get(1).materials())
			.containsOnlyKeys("HKID_COPY");
		// without the mark it is asked, as before
		assertThat(plan.produced()).isEmpty();
	}

	@Test
	void theSharedAnswerFillsEachItemsFieldInTheFormsOrder() {
		List<Case.NewTask> tasks = plan.tasks(answers(), Map.of());
		assertThat(tasks.get(0).formData()).containsExactly(Map.entry("companyName", "HK-SZ InnoTech Ltd"),
				Map.entry("capital", "1000000"), Map.entry("contactPhone", "+852 9123 4567"));
		assertThat(tasks.get(1).formData()).containsExactly(Map.entry("companyName", "HK-SZ InnoTech Ltd"),
				Map.entry("accountant", "Lee Ka Yan"));
		assertThat(tasks.get(1).dependsOn()).containsExactly("MR-REG");
		assertThat(tasks.get(1).promisedDays()).isEqualTo(5);
	}

	@Test
	void everyMissingOrMalformedAnswerAndMaterialIsReportedAtOnce() {
		Map<String, String> bad = new HashMap<>(answers());
		bad.put("shared.companyName", " ");
		bad.put("item.MR-REG.capital", "a lot");
		bad.put("item.TAX-REG.accountant", "李會計");
		List<Problem.FieldError> errors = plan.check(bad, Map.of("HKID_COPY", 1L), true);
		assertThat(errors).extracting(Problem.FieldError::field, Problem.FieldError::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("shared.companyName", "casework.field.required"),
					org.assertj.core.groups.Tuple.tuple("item.MR-REG.capital", "casework.field.number"),
					org.assertj.core.groups.Tuple.tuple("item.TAX-REG.accountant", "casework.field.pattern"),
					org.assertj.core.groups.Tuple.tuple("material.BR_CERTIFICATE", "casework.material.required"),
					org.assertj.core.groups.Tuple.tuple("material.LEASE", "casework.material.required"));
		assertThat(plan.check(answers(), Map.of(), false)).isEmpty();
	}

	@Test
	void materialsOnlyAWaitingItemNeedsMayFollowLater() {
		ApplicationPlan.Material bankLetter = plan.materials().get(3);
		assertThat(bankLetter.code()).isEqualTo("BANK_LETTER");
		assertThat(plan.requiredAtSubmission(bankLetter)).isFalse();
		assertThat(plan.requiredAtSubmission(plan.materials().get(0))).isTrue();
	}

	@Test
	void aSingleItemPlanAsksAllItsFields() {
		ApplicationPlan single = ApplicationPlan.forItem(TAX, ApplicantType.HK_RESIDENT);
		assertThat(single.sharedFields()).isEmpty();
		assertThat(single.items().get(0).ownFields()).extracting(FormField::key)
			.containsExactly("companyName", "creditCode", "accountant");
	}

	@Test
	void fieldTypesAreChecked() {
		assertThat(FieldRules.check(FieldType.DATE, true, null, List.of(), "2026-02-30")).contains("casework.field.date");
		assertThat(FieldRules.check(FieldType.DATE, true, null, List.of(), "2026-02-28")).isEmpty();
		assertThat(FieldRules.check(FieldType.EMAIL, true, null, List.of(), "x@y")).contains("casework.field.email");
		assertThat(FieldRules.check(FieldType.PHONE, true, null, List.of(), "call me")).contains("phone.problem.characters");
		assertThat(FieldRules.check(FieldType.SELECT, true, null, List.of("A", "B"), "C")).contains("casework.field.option");
		assertThat(FieldRules.check(FieldType.BOOLEAN, false, null, List.of(), "yes")).contains("casework.field.boolean");
		assertThat(FieldRules.check(FieldType.ID_NUMBER, true, null, List.of(), "A123456(3)")).isEmpty();
		assertThat(FieldRules.check(FieldType.TEXT, false, null, List.of(), "")).isEmpty();
		assertThat(FieldRules.check(FieldType.TEXT, false, "[", List.of(), "x")).as("a broken pattern is ignored").isEmpty();
	}

	@Test
	void creditCodesCarryTheirCheckCharacter() {
		String code = FieldRules.withCheckCharacter("91440300MA5G12345");
		assertThat(FieldRules.isCreditCode(code)).isTrue();
		assertThat(FieldRules.isCreditCode("91350100M000100Y43")).isTrue(); // a published example
		char wrong = code.charAt(17) == '0' ? '1' : '0';
		assertThat(FieldRules.isCreditCode(code.substring(0, 17) + wrong)).isFalse();
		assertThat(FieldRules.isCreditCode("91440300MA5G1234")).isFalse();
		assertThat(FieldRules.check(FieldType.CREDIT_CODE, true, null, List.of(), "ABC")).contains("casework.field.creditCode");
	}

	static Map<String, String> answers() {
		return Map.of("shared.companyName", "HK-SZ InnoTech Ltd", "item.MR-REG.capital", "1000000",
				"item.MR-REG.contactPhone", "+852 9123 4567", "item.TAX-REG.accountant", "Lee Ka Yan");
	}

}
