package org.hetao.estation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Language;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** New applicants with their own cases (HK-STARTUP-SETTLE through the API), for the export and erasure tests. */
record PersonalDataFixtures(MockMvcTester mvc, Accounts accounts, Documents documents, ObjectMapper json) {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String ID = "A123456(3)";

	static final String PHONE = "+852 9123 4567";

	static final Map<String, String> ANSWERS = Map.ofEntries(Map.entry("shared.legalRepName", "陳大文"),
			Map.entry("shared.legalRepIdNumber", ID), Map.entry("shared.contactPhone", PHONE),
			Map.entry("shared.registeredAddress", "深圳市福田區河套"), Map.entry("item.LEG-001.documentType", "COMPANY"),
			Map.entry("item.LEG-001.usePurpose", "設立登記"), Map.entry("item.LEG-001.documentCount", "2"), Map.entry("item.GOV-001.proposedName", "港深創科"),
			Map.entry("item.GOV-001.industry", "IT"), Map.entry("item.GOV-001.investorName", "港深創科有限公司"),
			Map.entry("item.GOV-002.registeredCapital", "1000000"), Map.entry("item.GOV-002.investmentAmount", "1000000"),
			Map.entry("item.GOV-002.businessScope", "軟件開發"), Map.entry("item.GOV-002.investorName", "港深創科有限公司"),
			Map.entry("item.PSB-001.sealTypes", "STANDARD"), Map.entry("item.FIN-001.bankName", "BOC"),
			Map.entry("item.FIN-001.accountCurrency", "CNY"), Map.entry("item.TAX-001.financeOfficerName", "李會計"),
			Map.entry("item.TAX-001.financeOfficerPhone", "+852 9876 5432"), Map.entry("item.TAX-001.taxpayerType", "SMALL"),
			Map.entry("item.TAX-001.accountingStandard", "SBE"));

	EstationUser applicant(String phone) {
		String name = "pdata-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Applicant " + name, name + "@example.hk", phone,
				Language.EN, ApplicantType.HK_ENTERPRISE, null, Set.of(Role.APPLICANT)));
		return accounts.findById(id).orElseThrow();
	}

	JsonNode body(MvcTestResult r) throws Exception {
		return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Submits a case for {@code owner}; returns its receipt number. */
	String submit(EstationUser owner) throws Exception {
		Map<String, String> answers = new HashMap<>(ANSWERS);
		answers.put("shared.companyName", "Privacy Ltd " + owner.getUsername());
		long doc = documents.upload(owner.id(), "passport.pdf", PDF, "file").id();
		String body = json.writeValueAsString(Map.of("matterCode", "HK-STARTUP-SETTLE", "answers", answers, "materials",
				Map.of("ATTESTED_DOCUMENT", doc, "HK_BR_CERTIFICATE", doc, "AGENT_AUTHORISATION", doc)));
		MvcTestResult result = mvc.post()
			.uri("/api/v1/applications")
			.with(user(owner))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(201);
		return body(result).get("receiptNumber").asString();
	}

}
