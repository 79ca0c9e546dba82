package org.hetao.estation.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.hetao.estation.policy.EligibilityProfile;
import org.hetao.estation.policy.Policy;
import org.hetao.estation.policy.internal.Eligibility.Verdict;
import org.hetao.estation.policy.internal.PolicyRules.Status;
import org.junit.jupiter.api.Test;

class PolicyLibraryTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static final PolicyLibrary LIBRARY = PolicyLibrary.load("/policy/policies.json");

	static EligibilityProfile hkYouthStartUp() {
		return new EligibilityProfile("HK_ENTERPRISE", "HETAO_SZ", LocalDate.of(2025, 3, 1), "AI_ROBOTICS", 8, 300.0,
				60.0, 80.0, "HKSTP_SZ", 29, "MASTER", false, null, null);
	}

	@Test
	void theShippedLibraryLoadsWithAtLeastFortyCompletePolicies() {
		assertThat(LIBRARY.all()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(LIBRARY.all()).allSatisfy(p -> {
			assertThat(p.title().isComplete()).isTrue();
			assertThat(p.summary().isComplete()).isTrue();
			assertThat(p.conditions()).isNotEmpty();
			assertThat(p.conditions()).allSatisfy(c -> assertThat(c.description().isComplete()).isTrue());
		});
	}

	@Test
	void everyConditionIsMarkedMetNotMetOrUnknown() {
		Policy grant = LIBRARY.find("POL-001").orElseThrow();
		Eligibility result = LIBRARY.evaluate(grant, hkYouthStartUp(), TODAY);
		assertThat(result.verdict()).isEqualTo(Verdict.QUALIFIES);
		assertThat(result.conditions()).allMatch(c -> c.status() == Status.MET);

		EligibilityProfile tooOld = new EligibilityProfile("HK_ENTERPRISE", "HETAO_SZ", LocalDate.of(2025, 3, 1),
				"AI_ROBOTICS", 8, 300.0, 60.0, 80.0, "HKSTP_SZ", 52, "MASTER", false, null, null);
		Eligibility nearly = LIBRARY.evaluate(grant, tooOld, TODAY);
		assertThat(nearly.verdict()).isEqualTo(Verdict.NEARLY);
		Map<String, Status> byId = nearly.conditions().stream()
			.collect(Collectors.toMap(c -> c.condition().id(), PolicyRules.ConditionOutcome::status));
		assertThat(byId).containsEntry("youngFounder", Status.NOT_MET).containsEntry("zone", Status.MET);

		EligibilityProfile partial = new EligibilityProfile("HK_ENTERPRISE", "HETAO_SZ", null, null, null, null, null,
				null, null, null, null, null, null, null);
		Eligibility unknown = LIBRARY.evaluate(grant, partial, TODAY);
		assertThat(unknown.verdict()).isEqualTo(Verdict.NEARLY);
		PolicyRules.ConditionOutcome age = unknown.conditions().stream()
			.filter(c -> c.condition().id().equals("youngFounder")).findFirst().orElseThrow();
		assertThat(age.status()).isEqualTo(Status.UNKNOWN);
		assertThat(age.missing()).containsExactly(ProfileField.FOUNDER_AGE);
		PolicyRules.ConditionOutcome newCompany = unknown.conditions().stream()
			.filter(c -> c.condition().id().equals("new3y")).findFirst().orElseThrow();
		assertThat(newCompany.missing()).containsExactly(ProfileField.COMPANY_AGE_MONTHS);
	}

	@Test
	void logicalOrDecidesWithoutTheUnknownSide() {
		// "HK enterprise, or HK shareholders >= 25%": an HK enterprise needs no share figure.
		Policy relief = LIBRARY.find("POL-002").orElseThrow();
		Eligibility result = LIBRARY.evaluate(relief, hkYouthStartUp(), TODAY);
		assertThat(result.conditions()).filteredOn(c -> c.condition().id().equals("hkBackground"))
			.extracting(PolicyRules.ConditionOutcome::status).containsExactly(Status.MET);
		EligibilityProfile mainland = new EligibilityProfile("MAINLAND_ENTERPRISE", "HETAO_SZ", null, null, null, null,
				null, null, null, null, null, null, null, null);
		assertThat(LIBRARY.evaluate(relief, mainland, TODAY).conditions())
			.filteredOn(c -> c.condition().id().equals("hkBackground"))
			.extracting(PolicyRules.ConditionOutcome::status).containsExactly(Status.UNKNOWN);
	}

	@Test
	void findsQualifyingPoliciesFirst() {
		var results = LIBRARY.evaluateAll(hkYouthStartUp(), TODAY);
		assertThat(results.get(0).verdict()).isEqualTo(Verdict.QUALIFIES);
		assertThat(results).filteredOn(r -> r.verdict() == Verdict.QUALIFIES).extracting(r -> r.policy().code())
			.contains("POL-001", "POL-002");
	}

	@Test
	void aRuleThatDoesNotCompileIsALoadErrorNamingThePolicy() {
		assertThatThrownBy(() -> PolicyLibrary.parse(policy("POL-900", "headcount >>> 3")))
			.isInstanceOf(PolicyLoadException.class).hasMessageContaining("POL-900").hasMessageContaining("c1");
	}

	@Test
	void aRuleNamingAnUnknownFieldIsALoadErrorNamingThePolicy() {
		assertThatThrownBy(() -> PolicyLibrary.parse(policy("POL-901", "shoeSize > 40")))
			.isInstanceOf(PolicyLoadException.class).hasMessageContaining("POL-901").hasMessageContaining("shoeSize");
	}

	@Test
	void aRuleThatIsNotBooleanIsALoadError() {
		assertThatThrownBy(() -> PolicyLibrary.parse(policy("POL-902", "headcount + 1")))
			.isInstanceOf(PolicyLoadException.class).hasMessageContaining("POL-902");
	}

	@Test
	void aValidSingleRuleLoads() {
		PolicyLibrary library = PolicyLibrary.parse(policy("POL-903", "headcount >= 10 && industry == 'ICT'"));
		assertThat(library.all()).hasSize(1);
	}

	@Test
	void aLibraryLoadedInTheBackgroundHoldsTheSamePoliciesOnceAwaited() {
		PolicyLibrary background = PolicyLibrary.loadInBackground("/policy/policies.json");
		assertThat(background.await().all()).isEqualTo(LIBRARY.all());
		Policy grant = LIBRARY.find("POL-001").orElseThrow();
		assertThat(background.evaluate(grant, hkYouthStartUp(), TODAY).verdict()).isEqualTo(Verdict.QUALIFIES);
	}

	@Test
	void aLibraryThatCannotLoadInTheBackgroundFailsWhenAwaitedAndWhenUsed() {
		PolicyLibrary missing = PolicyLibrary.loadInBackground("/policy/no-such-library.json");
		assertThatThrownBy(missing::await).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("/policy/no-such-library.json");
		assertThatThrownBy(missing::all).isInstanceOf(IllegalStateException.class);
	}

	static byte[] policy(String code, String rule) {
		String t = "{\"zh-Hant\":\"甲\",\"zh-Hans\":\"甲\",\"en\":\"A\"}";
		return ("[{\"code\":\"" + code + "\",\"departmentCode\":\"tax\",\"category\":\"TAX\",\"title\":" + t
				+ ",\"summary\":" + t + ",\"issuingBody\":" + t + ",\"validFrom\":\"2025-01-01\",\"validUntil\":\"2027-12-31\""
				+ ",\"benefits\":" + t + ",\"documents\":[],\"sourceNote\":" + t + ",\"conditions\":[{\"id\":\"c1\",\"rule\":\""
				+ rule.replace("\"", "\\\"") + "\",\"description\":" + t + "}]}]").getBytes(StandardCharsets.UTF_8);
	}

}
