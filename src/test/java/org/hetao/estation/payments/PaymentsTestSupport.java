package org.hetao.estation.payments;

import org.hetao.estation.certificates.CaseFixtures;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.payments.internal.SandboxPayments;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * What the payments integration tests start from: the application over MockMvc, a way to make real cases with
 * charged items ({@link CaseFixtures}) and the sandbox provider's pages and callbacks ({@link SandboxDriver}). Each
 * test class names its own {@code @SpringBootTest} properties.
 */
@AutoConfigureMockMvc
abstract class PaymentsTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	SandboxPayments sandbox;

	CaseFixtures cases;

	SandboxDriver driver;

	@BeforeEach
	void paymentsFixtures() {
		cases = new CaseFixtures(mvc, accounts, documents, jdbc, json);
		driver = new SandboxDriver(mvc, sandbox, jdbc, json);
	}

}
