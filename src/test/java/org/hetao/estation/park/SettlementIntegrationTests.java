package org.hetao.estation.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.Directory;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.park.internal.BusinessPlans;
import org.hetao.estation.park.internal.NewSettlement;
import org.hetao.estation.park.internal.ParkSpace;
import org.hetao.estation.park.internal.SettlementApplication;
import org.hetao.estation.park.internal.SettlementService;
import org.hetao.estation.park.internal.SettlementState;
import org.hetao.estation.park.internal.Unit;
import org.hetao.estation.park.internal.UnitState;
import org.hetao.estation.park.internal.UnitUse;
import org.hetao.estation.park.internal.UploadedPlan;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Settlement from application to allocation, on pages and API: every step recorded, applicants see only
 * their own applications, and a unit is never allocated twice — not even by two operators at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SettlementIntegrationTests {

	static final String PASSWORD = "test-Password-2026";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** Version of an application after submission, screening and approval. */
	static final int APPROVED_VERSION = 2;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SettlementService settlement;

	@Autowired
	ParkSpace space;

	@Autowired
	Accounts accounts;

	@Autowired
	Directory directory;

	@Autowired
	BusinessPlans plans;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEnterpriseAppliesIsScreenedApprovedAndAllocatedAndJoinsTheDirectory() {
		String company = "港深量子測試有限公司 " + System.nanoTime();
		MvcTestResult submitted = apply("enterprise-hk", company, "STATE_ENTERPRISE_INNOVATION_CENTRE", PDF);
		assertThat(submitted).hasStatus3xxRedirection();
		long id = Long.parseLong(submitted.getResponse().getRedirectedUrl().replace("/park/settlement/", ""));
		SettlementApplication a = settlement.view(user("park-operator"), id);
		assertThat(a.state()).isEqualTo(SettlementState.SUBMITTED);
		assertThat(a.reference()).matches("PS-\\d{4}-\\d{6}");
		assertThat(a.dueDate()).isAfter(LocalDate.now().minusDays(1));
		assertThat(Files.exists(plans.path(a.planStorageKey()))).isTrue();

		// The operator sees the screening form: a choice (complete by default) and a note.
		assertThat(mvc.get().uri("/park/settlement/" + id).with(httpBasic("park-operator", PASSWORD)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("id=\"screen-heading\"", "/park/operations/applications/" + id + "/screening",
					"name=\"outcome\" value=\"MORE\"",
					"id=\"screen-note\" name=\"note\"")
			.containsPattern("name=\"outcome\" value=\"COMPLETE\"\\s+checked")
			.doesNotContain("decide-heading");
		// The operator asks for more; the applicant answers; the operator completes screening.
		assertThat(post("park-operator", "/park/operations/applications/" + id + "/screening", "version", "0", "outcome",
				"MORE", "note", "請補充香港公司註冊證明")).hasStatus3xxRedirection();
		assertThat(post("enterprise-hk", "/park/settlement/" + id + "/information", "version", "1", "note",
				"已補充商業登記證")).hasStatus3xxRedirection();
		assertThat(post("park-operator", "/park/operations/applications/" + id + "/screening", "version", "2", "outcome",
				"COMPLETE", "note", "")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/park/settlement/" + id).with(httpBasic("admin", PASSWORD)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("id=\"decide-heading\"", "/park/operations/applications/" + id + "/decision",
					"name=\"decision\" value=\"REJECT\"",
					"id=\"decide-text\" name=\"text\"")
			.containsPattern("name=\"decision\" value=\"APPROVE\"\\s+checked")
			.doesNotContain("screen-heading");
		// The administrator, sitting on the review committee, approves with conditions.
		assertThat(post("admin", "/park/operations/applications/" + id + "/decision", "version", "3", "decision", "APPROVE",
				"text", "須於入駐後六個月內聘用至少三名香港員工")).hasStatus3xxRedirection();

		Unit vacant = space.units(ScienceBase.STATE_ENTERPRISE_INNOVATION_CENTRE, UnitState.VACANT, null).get(0);
		assertThat(post("park-operator", "/park/operations/applications/" + id + "/allocation", "version", "4", "units",
				vacant.code())).hasStatus3xxRedirection();

		SettlementApplication done = settlement.view(user("enterprise-hk"), id);
		assertThat(done.state()).isEqualTo(SettlementState.ALLOCATED);
		assertThat(done.conditions()).contains("香港員工");
		assertThat(space.unit(vacant.code()).orElseThrow()).satisfies(u -> {
			assertThat(u.applicationId()).isEqualTo(id);
			assertThat(u.state()).isEqualTo(UnitState.RESERVED);
		});
		Organisation organisation = directory.byCode(done.organisationCode()).orElseThrow();
		assertThat(organisation.name().zhHant()).isEqualTo(company);
		assertThat(organisation.name().zhHans()).startsWith("港深量子测试有限公司");
		assertThat(organisation.location().base()).isEqualTo(ScienceBase.STATE_ENTERPRISE_INNOVATION_CENTRE);
		assertThat(organisation.location().unit()).isEqualTo(vacant.code());
		assertThat(organisation.origin()).isEqualTo(Organisation.Origin.SETTLEMENT);
		assertThat(organisation.hkMemberShare()).isEqualTo(60);

		assertThat(settlement.steps(user("enterprise-hk"), id)).extracting(SettlementApplication.Step::step)
			.containsExactly("SUBMIT", "REQUEST_MORE_INFORMATION", "SUPPLY_INFORMATION", "COMPLETE_SCREENING", "APPROVE",
					"ALLOCATE");
		assertThat(settlement.steps(user("enterprise-hk"), id)).extracting(SettlementApplication.Step::actor)
			.containsExactly("enterprise-hk", "park-operator", "enterprise-hk", "park-operator", "admin", "park-operator");

		MvcTestResult page = mvc.get().uri("/park/settlement/" + id).with(httpBasic("enterprise-hk", PASSWORD)).exchange();
		assertThat(page).hasStatusOk().bodyText().contains(done.reference(), "須於入駐後六個月內", vacant.code());
	}

	@Test
	void applicantsSeeOnlyTheirOwnApplications() {
		MvcTestResult submitted = apply("enterprise-hk", "私隱測試公司 " + System.nanoTime(), "HKSTP_SHENZHEN", PDF);
		String path = submitted.getResponse().getRedirectedUrl();
		long id = Long.parseLong(path.replace("/park/settlement/", ""));

		assertThat(mvc.get().uri(path).with(httpBasic("enterprise-mainland", PASSWORD)).accept(MediaType.TEXT_HTML).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri(path + "/plan").with(httpBasic("enterprise-mainland", PASSWORD)).exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/park/settlement-applications/" + id).with(httpBasic("enterprise-mainland", PASSWORD))
			.exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/park/settlement-applications").with(httpBasic("enterprise-mainland", PASSWORD))
			.exchange()).bodyJson().extractingPath("$[*].id").asArray().doesNotContain((int) id);

		MvcTestResult own = mvc.get().uri("/api/v1/park/settlement-applications/" + id).with(httpBasic("enterprise-hk", PASSWORD)).exchange();
		assertThat(own).hasStatusOk();
		assertThat(own).bodyJson().extractingPath("$.state").isEqualTo("SUBMITTED");
		assertThat(own).bodyJson().extractingPath("$.steps[0].step").isEqualTo("SUBMIT");
		assertThat(own).bodyText().doesNotContain("planStorageKey", ".pdf\"" + "x");
		MvcTestResult download = mvc.get().uri(path + "/plan").with(httpBasic("enterprise-hk", PASSWORD)).exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(mvc.get().uri("/api/v1/park/settlement-applications").with(httpBasic("park-operator", PASSWORD))
			.exchange()).bodyJson().extractingPath("$[*].id").asArray().contains((int) id);
		// Another enterprise cannot act on it either.
		assertThat(post("enterprise-mainland", "/park/operations/applications/" + id + "/screening", "version", "0",
				"outcome", "COMPLETE")).hasStatus(403);
	}

	/** The error summary says which field each message is about (it listed "請填寫此項。" alone, once per field). */
	@Test
	void theErrorSummaryNamesEachField() {
		MvcTestResult result = mvc.post()
			.uri("/park/settlement/new?lang=zh-Hant")
			.with(httpBasic("enterprise-hk", PASSWORD))
			.with(csrf())
			.multipart()
			.file(new MockMultipartFile("businessPlan", "plan.pdf", "application/pdf", PDF))
			.param("companyName", "")
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("href=\"#companyName\">企業名稱（中文）: 請填寫此項。</a>");
	}

	@Test
	void aFileThatIsNotAPdfIsRefusedAndNothingIsStored() {
		String company = "假PDF公司 " + System.nanoTime();
		MvcTestResult result = apply("enterprise-hk", company, "HKSTP_SHENZHEN", "PK\u0003\u0004not a pdf".getBytes());
		assertThat(result).hasStatusOk().bodyText().contains("field__error", "aria-invalid=\"true\"");
		assertThat(jdbc.sql("select count(*) from park_settlement where company_name = ?").param(company)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void onlyEnterprisesApplyAndTheApiAnswersWithProblems() {
		assertThat(mvc.get().uri("/park/settlement/new").with(httpBasic("applicant-hk", PASSWORD)).accept(MediaType.TEXT_HTML)
			.exchange()).hasStatus(403);
		MvcTestResult api = mvc.post()
			.uri("/api/v1/park/settlement-applications")
			.with(httpBasic("applicant-hk", PASSWORD))
			.multipart()
			.file(new MockMultipartFile("application", "", "application/json", applicationJson("個人不可").getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("businessPlan", "plan.pdf", "application/pdf", PDF))
			.exchange();
		assertThat(api).hasStatus(403);
		assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");

		MvcTestResult ok = mvc.post()
			.uri("/api/v1/park/settlement-applications")
			.with(httpBasic("enterprise-mainland", PASSWORD))
			.multipart()
			.file(new MockMultipartFile("application", "", "application/json", applicationJson("河套API測試公司").getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("businessPlan", "plan.pdf", "application/pdf", PDF))
			.exchange();
		assertThat(ok).hasStatus(201);
		assertThat(ok).bodyJson().extractingPath("$.reference").asString().startsWith("PS-");
		assertThat(ok).bodyJson().extractingPath("$.base").isEqualTo("BIOMEDICINE_PARK_II");

		MvcTestResult notPdf = mvc.post()
			.uri("/api/v1/park/settlement-applications")
			.with(httpBasic("enterprise-mainland", PASSWORD))
			.header("Accept-Language", "en")
			.multipart()
			.file(new MockMultipartFile("application", "", "application/json", applicationJson("API壞檔").getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("businessPlan", "plan.pdf", "application/pdf", "<html>".getBytes()))
			.exchange();
		assertThat(notPdf).hasStatus(422);
		assertThat(notPdf).bodyText().contains("businessPlan");
	}

	@Test
	void aUnitTakenAlreadyOrInAnotherBaseCannotBeAllocated() {
		long first = approved("enterprise-hk", ScienceBase.BAY_AREA_CHIP_VALLEY);
		long second = approved("enterprise-mainland", ScienceBase.BAY_AREA_CHIP_VALLEY);
		Unit unit = space.units(ScienceBase.BAY_AREA_CHIP_VALLEY, UnitState.VACANT, UnitUse.CLEAN_ROOM).get(0);
		settlement.allocate(user("park-operator"), first, APPROVED_VERSION, List.of(unit.code()));

		assertThatThrownBy(() -> settlement.allocate(user("park-operator"), second, APPROVED_VERSION, List.of(unit.code())))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.CONFLICT));
		assertThat(settlement.view(user("park-operator"), second).state()).isEqualTo(SettlementState.APPROVED);

		Unit elsewhere = space.units(ScienceBase.HKSTP_SHENZHEN, UnitState.VACANT, null).get(0);
		assertThatThrownBy(() -> settlement.allocate(user("park-operator"), second, APPROVED_VERSION, List.of(elsewhere.code())))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.UNPROCESSABLE));
		assertThat(space.unit(elsewhere.code()).orElseThrow().state()).isEqualTo(UnitState.VACANT);

		// All or nothing: a free unit together with a taken one leaves the free one vacant.
		Unit free = space.units(ScienceBase.BAY_AREA_CHIP_VALLEY, UnitState.VACANT, null).get(0);
		assertThatThrownBy(() -> settlement.allocate(user("park-operator"), second, APPROVED_VERSION, List.of(free.code(), unit.code())))
			.isInstanceOf(Problem.class);
		assertThat(space.unit(free.code()).orElseThrow().state()).isEqualTo(UnitState.VACANT);
		// The applicant cannot allocate to themselves.
		assertThatThrownBy(() -> settlement.allocate(user("enterprise-mainland"), second, APPROVED_VERSION, List.of(free.code())))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.FORBIDDEN));
	}

	@Test
	void aRejectionWithoutReasonsComesBackToThePageAndChangesNothing() {
		long id = approved("enterprise-hk", ScienceBase.BIOMEDICINE_PARK_II);
		// Approved already: rejecting now is out of order, and rejecting needs reasons anyway.
		MvcTestResult result = post("admin", "/park/operations/applications/" + id + "/decision", "version",
				String.valueOf(APPROVED_VERSION), "decision", "REJECT", "text", "");
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/park/settlement/" + id);
		assertThat(result.getMvcResult().getFlashMap().get("actionError")).asString().contains("理由");
		assertThat(settlement.view(user("admin"), id).state()).isEqualTo(SettlementState.APPROVED);
		assertThat(settlement.steps(user("admin"), id)).extracting(SettlementApplication.Step::step)
			.doesNotContain("REJECT");
	}

	@Test
	void twoConcurrentAllocationsOfOneUnitLeaveItWithExactlyOneApplication() throws Exception {
		race(2);
	}

	@Test
	@EnabledIfSystemProperty(named = "estation.test.database", matches = "postgres")
	void manyOperatorsRacingForOneUnitOnPostgresqlLeaveExactlyOneWinner() throws Exception {
		race(6);
	}

	private void race(int contenders) throws Exception {
		List<Long> applications = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			applications.add(approved(i % 2 == 0 ? "enterprise-hk" : "enterprise-mainland", ScienceBase.HKSTP_SHENZHEN));
		}
		String unit = space.units(ScienceBase.HKSTP_SHENZHEN, UnitState.VACANT, null).get(0).code();
		EstationUser operator = user("park-operator");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (long id : applications) {
				Callable<Boolean> attempt = () -> {
					start.await();
					try {
						settlement.allocate(operator, id, APPROVED_VERSION, List.of(unit));
						return true;
					}
					catch (Problem e) {
						assertThat(e.kind()).isEqualTo(Problem.Kind.CONFLICT);
						return false;
					}
				};
				results.add(pool.submit(attempt));
			}
			start.countDown();
			int winners = 0;
			for (Future<Boolean> r : results) {
				winners += r.get() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		Unit taken = space.unit(unit).orElseThrow();
		assertThat(applications).contains(taken.applicationId());
		assertThat(jdbc.sql("select count(*) from park_settlement where state = 'ALLOCATED' and id in ("
				+ String.join(",", applications.stream().map(String::valueOf).toList()) + ")")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** An application moved to APPROVED through the service. */
	private long approved(String applicant, ScienceBase base) {
		SettlementApplication a = settlement.submit(user(applicant), new NewSettlement("並發測試公司 " + System.nanoTime(),
				"Race Co", "測試", base, BigDecimal.valueOf(200), UnitUse.OFFICE, LocalDate.now().plusDays(30), 10, 5,
				Background.HONG_KONG, "香港註冊", List.of(ResearchField.AI), null, "陳先生 +852 2123 4567"), pdf());
		EstationUser operator = user("park-operator");
		settlement.screen(operator, a.id(), 0, true, null);
		settlement.decide(operator, a.id(), 1, true, null);
		SettlementApplication approved = settlement.view(operator, a.id());
		assertThat(approved.state()).isEqualTo(SettlementState.APPROVED);
		assertThat(approved.version()).isEqualTo(APPROVED_VERSION);
		return a.id();
	}

	private static UploadedPlan pdf() {
		return new UploadedPlan() {
			@Override
			public String fileName() {
				return "plan.pdf";
			}

			@Override
			public long size() {
				return PDF.length;
			}

			@Override
			public java.io.InputStream open() {
				return new java.io.ByteArrayInputStream(PDF);
			}
		};
	}

	private EstationUser user(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	private MvcTestResult apply(String username, String company, String base, byte[] plan) {
		return mvc.post()
			.uri("/park/settlement/new")
			.with(httpBasic(username, PASSWORD))
			.with(csrf())
			.multipart()
			.file(new MockMultipartFile("businessPlan", "商業計劃書.pdf", "application/pdf", plan))
			.param("companyName", company)
			.param("companyNameEn", "HK-SZ Quantum Test Ltd")
			.param("description", "量子感測器研發")
			.param("base", base)
			.param("areaWanted", "300")
			.param("useWanted", "LAB")
			.param("moveInDate", LocalDate.now().plusDays(40).toString())
			.param("teamSize", "10")
			.param("hkTeamMembers", "6")
			.param("background", "HONG_KONG")
			.param("hkFacts", "香港註冊公司，創辦人為香港永久性居民")
			.param("fields", "QUANTUM", "AI")
			.param("contact", "陳先生 +852 2123 4567")
			.exchange();
	}

	private MvcTestResult post(String username, String uri, String... params) {
		var request = mvc.post().uri(uri).with(httpBasic(username, PASSWORD)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private static String applicationJson(String company) {
		return "{\"companyName\":\"" + company + "\",\"description\":\"生物醫藥\",\"base\":\"BIOMEDICINE_PARK_II\","
				+ "\"areaWanted\":500,\"useWanted\":\"WET_LAB\",\"moveInDate\":\"" + LocalDate.now().plusDays(60) + "\","
				+ "\"teamSize\":20,\"hkTeamMembers\":4,\"background\":\"MAINLAND\",\"hkFacts\":\"與香港大學合作\","
				+ "\"fields\":[\"BIOMEDICINE\"],\"contact\":\"王小姐 +86 755 8888 0000\"}";
	}

}
