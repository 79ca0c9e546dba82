package org.hetao.estation.casework;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.privacy.AesGcmPersonalDataCipher;
import org.hetao.estation.privacy.KeyRotation;
import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Identity numbers, phone numbers, addresses and uploaded documents are ciphertext in the database and in
 * the document store; pages show them masked; entitled people reveal them, each reveal audited; nobody else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class EncryptionAtRestIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String ID = "A123456(3)";

	static final String PHONE = "+852 9123 4567";

	static final String ADDRESS = "深圳市福田區河套深港科技創新合作區";

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
	AuditLog audit;

	@Autowired
	CaseRepository cases;

	@Autowired
	CaseworkClock time;

	@Autowired
	KeyRotation rotation;

	@Autowired
	CaseReading reading;

	@Autowired
	PersonalDataCipher cipher;

	@Value("${estation.crypto.keys.test1}")
	String key1;

	@Value("${estation.crypto.keys.test2}")
	String key2;

	@Value("${estation.crypto.blind-index-key}")
	String blindKey;

	@Value("${estation.storage.root}")
	Path storageRoot;

	EstationUser newApplicant(String phone) {
		String name = "pdata-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(name, "{noop}x", "Applicant " + name, name + "@example.hk", phone,
				Language.EN, ApplicantType.HK_ENTERPRISE, null, Set.of(Role.APPLICANT)));
		return accounts.findById(id).orElseThrow();
	}

	EstationUser demo(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	JsonNode body(MvcTestResult r) throws Exception {
		return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Submits HK-STARTUP-SETTLE with an identity number, phone and address; returns the case JSON. */
	JsonNode submit(EstationUser owner) throws Exception {
		Map<String, String> answers = new HashMap<>(CaseworkIntegrationTests.ANSWERS);
		answers.put("shared.companyName", "Encrypted Ltd " + owner.getUsername());
		answers.put("shared.legalRepIdNumber", ID);
		answers.put("shared.contactPhone", PHONE);
		answers.put("shared.registeredAddress", ADDRESS);
		long doc = documents.upload(owner.id(), "passport.pdf", PDF, "file").id();
		String body = json.writeValueAsString(Map.of("matterCode", CaseworkIntegrationTests.MATTER, "answers", answers,
				"materials", Map.of("ATTESTED_DOCUMENT", doc, "HK_BR_CERTIFICATE", doc, "AGENT_AUTHORISATION", doc)));
		MvcTestResult result = mvc.post()
			.uri("/api/v1/applications")
			.with(user(owner))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(201);
		MvcTestResult c = mvc.get().uri("/api/v1/applications/" + body(result).get("receiptNumber").asString()).with(user(owner)).exchange();
		assertThat(c).hasStatusOk();
		return body(c);
	}

	static JsonNode task(JsonNode c, String item) {
		for (JsonNode t : c.get("tasks")) {
			if (t.get("itemCode").asString().equals(item)) {
				return t;
			}
		}
		throw new AssertionError(item);
	}

	long caseId(JsonNode c) {
		return jdbc.sql("select id from casework_case where receipt_number = :r").param("r", c.get("receiptNumber").asString())
			.query(Long.class).single();
	}

	MvcTestResult reveal(EstationUser who, long caseId, String field) {
		return mvc.post().uri("/cases/" + caseId + "/reveal").param("field", field).with(user(who)).with(csrf()).exchange();
	}

	List<Map<String, Object>> revealRecords(String fieldSuffix) {
		audit.flush();
		return jdbc.sql("select actor, origin, action, target, details from audit_log where action = 'shared.PersonalDataRevealed' and details like :f")
			.param("f", "%" + fieldSuffix + "%")
			.query()
			.listOfRows();
	}

	@Test
	void aSubmissionStoresIdentityNumbersPhonesAddressesAndDocumentsAsCiphertextAndNeverLogsThem(CapturedOutput output)
			throws Exception {
		EstationUser owner = newApplicant("+852 6000 1234");
		String rawAccountPhone = jdbc.sql("select phone from account where id = :id").param("id", owner.id()).query(String.class).single();
		assertThat(rawAccountPhone).startsWith("v1:test1:").doesNotContain("6000");
		assertThat(accounts.contact(owner.id()).orElseThrow().phone()).isEqualTo("+852 6000 1234");

		JsonNode c = submit(owner);
		long caseId = caseId(c);
		List<String> forms = jdbc.sql("select form_data from casework_task where case_id = :c").param("c", caseId).query(String.class).list();
		assertThat(forms).isNotEmpty().allSatisfy(raw -> assertThat(raw).doesNotContain(ID).doesNotContain("9123 4567")
			.doesNotContain(ADDRESS));
		assertThat(String.join("", forms)).contains("v1:test1:").contains("Encrypted Ltd");
		assertThat(task(c, "TAX-001").get("formData").get("legalRepIdNumber").asString())
			.as("the applicant's own API reads it decrypted").isEqualTo(ID);

		DocumentInfo doc = documents.ownedBy(owner.id()).get(0);
		String key = jdbc.sql("select storage_key from document where id = :id").param("id", doc.id()).query(String.class).single();
		byte[] raw = Files.readAllBytes(storageRoot.resolve("documents").resolve(key));
		assertThat(new String(raw, StandardCharsets.ISO_8859_1)).startsWith("ESTENC1").doesNotContain("%PDF");
		try (var in = documents.open(doc)) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
		assertThat(doc.sha256()).as("the digest is of the plaintext").isEqualTo(sha256(PDF));

		MvcTestResult page = mvc.get().uri("/applications/" + c.get("receiptNumber").asString()).with(user(owner)).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).doesNotContain(ID).doesNotContain("9123 4567").contains("A123***(3)").contains("/reveal");

		assertThat(output.getAll()).as("no log line holds the plaintext").doesNotContain(ID).doesNotContain("9123 4567")
			.doesNotContain("6000 1234").doesNotContain(ADDRESS);
	}

	@Test
	void theOwnerRevealsAFormValueAuditedAndAnotherApplicantOrAnotherDepartmentGets404() throws Exception {
		EstationUser owner = newApplicant(null);
		EstationUser stranger = newApplicant(null);
		JsonNode c = submit(owner);
		long caseId = caseId(c);
		JsonNode tax = task(c, "TAX-001");
		String field = "task." + tax.get("id").asLong() + ".legalRepIdNumber";

		MvcTestResult shown = reveal(owner, caseId, field);
		assertThat(shown).hasStatusOk();
		assertThat(shown.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(ID);
		var records = revealRecords(c.get("receiptNumber").asString() + "/TAX-001.legalRepIdNumber");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("actor")).isEqualTo(owner.getUsername());
		assertThat(records.get(0).get("target")).isEqualTo("subject:account:" + owner.id());
		assertThat((String) records.get(0).get("details")).contains("APPLICANT").doesNotContain(ID);

		assertThat(reveal(stranger, caseId, field)).hasStatus(404);
		assertThat(reveal(stranger, caseId, "applicant.phone")).hasStatus(404);
		assertThat(tax.get("departmentCode").asString()).isEqualTo("tax");
		assertThat(reveal(demo("officer-tax"), caseId, field)).as("the deciding department's officer").hasStatusOk();
		assertThat(reveal(demo("officer-customs"), caseId, field)).as("an officer of a department without a task").hasStatus(404);
		assertThat(reveal(owner, caseId, "task." + tax.get("id").asLong() + ".companyName")).as("not personal data").hasStatus(404);
		assertThat(revealRecords(c.get("receiptNumber").asString() + "/TAX-001.legalRepIdNumber")).hasSize(2);

		// the API shows staff personal fields masked (no unaudited way round the reveal), the applicant whole
		MvcTestResult asOfficer = mvc.get().uri("/api/v1/applications/" + c.get("receiptNumber").asString())
			.with(user(demo("officer-tax")))
			.exchange();
		assertThat(asOfficer).hasStatusOk();
		JsonNode officersForm = task(body(asOfficer), "TAX-001").get("formData");
		assertThat(officersForm.get("legalRepIdNumber").asString()).isNotEqualTo(ID).doesNotContain(ID.substring(1, 7));
		assertThat(officersForm.get("companyName").asString()).startsWith("Encrypted Ltd");
		assertThat(tax.get("formData").get("legalRepIdNumber").asString()).isEqualTo(ID);
	}

	@Test
	void aWalkInApplicantsIdentityIsEncryptedFoundByBlindIndexMaskedAtTheWindowAndRevealedByTheClerk() throws Exception {
		EstationUser clerk = demo("clerk");
		String id = "Z" + ThreadLocalRandom.current().nextInt(100000, 999999) + "(7)";
		String phone = "+852 5" + ThreadLocalRandom.current().nextInt(100, 999) + " " + ThreadLocalRandom.current().nextInt(1000, 9999);
		Case c = Case.submit("HT2099" + ThreadLocalRandom.current().nextInt(1000, 9999) + "-" + ThreadLocalRandom.current().nextInt(100000, 999999),
				new Applicant(null, "陳大文", ApplicantType.HK_RESIDENT, "HKID", id, phone), null, List.of(),
				List.of(new Case.NewTask("LEG-001", "justice", List.of(), Jurisdiction.CN, 5,
						new LinkedHashMap<>(Map.of("residentialAddress", ADDRESS, "purpose", "x")), Map.of())),
				time.step(clerk, CaseChannel.WINDOW));
		long caseId = cases.insert(c, clerk.id(), UUID.randomUUID().toString());

		var raw = jdbc.sql("select applicant_id_number, applicant_phone, applicant_id_number_bidx from casework_case where id = :id")
			.param("id", caseId).query().singleRow();
		assertThat((String) raw.get("applicant_id_number")).startsWith("v1:").doesNotContain(id.substring(1, 7));
		assertThat((String) raw.get("applicant_phone")).startsWith("v1:").doesNotContain(phone.substring(6));
		assertThat((String) raw.get("applicant_id_number_bidx")).hasSize(64);

		assertThat(reading.search(clerk, id.toLowerCase().replace("(", " ").replace(")", "")))
			.as("found by the whole ID number, however it is typed").extracting(CaseView::receiptNumber).contains(c.receiptNumber());
		assertThat(reading.search(clerk, phone.replace(" ", ""))).as("found by the whole phone number")
			.extracting(CaseView::receiptNumber).contains(c.receiptNumber());
		assertThat(reading.search(clerk, id.substring(0, 4))).as("no partial match on encrypted values")
			.extracting(CaseView::receiptNumber).doesNotContain(c.receiptNumber());

		MvcTestResult page = mvc.get().uri("/window/cases/" + caseId).with(user(clerk)).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).doesNotContain(id).doesNotContain(phone).contains("reveal-applicant-idNumber");

		MvcTestResult shown = reveal(clerk, caseId, "applicant.idNumber");
		assertThat(shown).hasStatusOk();
		assertThat(shown.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(id);
		var records = revealRecords(c.receiptNumber() + "/applicant.idNumber");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("actor")).isEqualTo("clerk");
		assertThat(records.get(0).get("target")).isEqualTo("subject:case:" + c.receiptNumber());
		assertThat((String) records.get(0).get("details")).contains("CLERK").doesNotContain(id);
		assertThat(reveal(newApplicant(null), caseId, "applicant.idNumber")).hasStatus(404);
	}

	@Autowired
	org.hetao.estation.hall.internal.QueueTickets tickets;

	@Autowired
	org.hetao.estation.notification.Notifications notifications;

	@Test
	void queueTicketPhonesAndNotificationRecipientsAreCiphertextToo() {
		String phone = "+852 5" + ThreadLocalRandom.current().nextInt(100, 999) + " " + ThreadLocalRandom.current().nextInt(1000, 9999);
		var ticket = tickets.issue("B", phone, null);
		String raw = jdbc.sql("select phone from hall_ticket where id = :id").param("id", ticket.id()).query(String.class).single();
		assertThat(raw).startsWith("v1:").doesNotContain(phone.substring(6));
		assertThat(cipher.decrypt(raw, "hall_ticket.phone").replace(" ", "")).isEqualTo(phone.replace(" ", ""));

		long id = notifications.toPhone(phone, Language.EN, "ticketCalled", new Object[] { "B001", "3" }, "ticket:test");
		var row = jdbc.sql("select recipient, recipient_masked from notification where id = :id").param("id", id).query().singleRow();
		assertThat((String) row.get("recipient")).startsWith("v1:").doesNotContain(phone.substring(6));
		assertThat((String) row.get("recipient_masked")).doesNotContain(phone.substring(6));
		assertThat(cipher.decrypt((String) row.get("recipient"), "notification.recipient")).isEqualTo(phone);
	}

	@Test
	void rotationReEncryptsUnderTheNewKeyAndEncryptsLegacyPlaintext() throws Exception {
		EstationUser owner = newApplicant("+852 6111 2222");
		JsonNode c = submit(owner);
		long caseId = caseId(c);
		// A value written before encryption existed: plaintext, no blind index.
		jdbc.sql("update casework_case set applicant_phone = :p, applicant_phone_bidx = null where id = :id")
			.param("p", "+852 6333 4444").param("id", caseId).update();

		var rotated = new AesGcmPersonalDataCipher(Map.of("test1", Base64.getDecoder().decode(key1), "test2",
				Base64.getDecoder().decode(key2)), "test2", Base64.getDecoder().decode(blindKey));
		KeyRotation.Report report = rotation.rotate(rotated, 7);
		assertThat(report.failed()).isZero();
		assertThat(report.rewritten().get("casework_case.applicant_phone")).isPositive();
		assertThat(report.rewritten().get("document files")).isPositive();

		var raw = jdbc.sql("select applicant_phone, applicant_phone_bidx from casework_case where id = :id").param("id", caseId)
			.query().singleRow();
		assertThat((String) raw.get("applicant_phone")).startsWith("v1:test2:");
		assertThat(raw.get("applicant_phone_bidx")).isEqualTo(cipher.blindIndex("85263334444", "casework_case.applicant_phone"));
		assertThat(jdbc.sql("select phone from account where id = :id").param("id", owner.id()).query(String.class).single())
			.startsWith("v1:test2:");
		assertThat(jdbc.sql("select form_data from casework_task where case_id = :c").param("c", caseId).query(String.class).list())
			.allSatisfy(f -> assertThat(f).doesNotContain("v1:test1:"));
		assertThat(cases.load(caseId, false).orElseThrow().applicant().phone()).as("the application reads either key")
			.isEqualTo("+852 6333 4444");
		DocumentInfo doc = documents.ownedBy(owner.id()).get(0);
		String key = jdbc.sql("select storage_key from document where id = :id").param("id", doc.id()).query(String.class).single();
		assertThat(new String(Files.readAllBytes(storageRoot.resolve("documents").resolve(key)), StandardCharsets.ISO_8859_1))
			.startsWith("ESTENC1\0\u0005test2");
		try (var in = documents.open(doc)) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
		assertThat(rotation.rotate(rotated, 50).total()).as("a second run finds nothing to do").isZero();
	}

	static String sha256(byte[] b) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
	}

}
