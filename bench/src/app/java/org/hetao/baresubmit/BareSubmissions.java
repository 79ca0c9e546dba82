package org.hetao.baresubmit;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;

/**
 * The submission yardstick (issue #17): a minimal endpoint, plain Spring MVC and JdbcTemplate with no security,
 * session or validation, that writes the rows of one submission in one transaction, on the platform's own schema
 * (its Flyway migrations, on a fresh database): the idempotency check, a receipt number from the sequence, the case,
 * its tasks, their materials and timeline entries in three batches, the event for the after-commit work and its
 * audit record. {@code bench/run} tells it how many tasks, material rows and timeline entries a submission of the
 * benchmark's matter made on the platform in the same run, and drives it with the same driver at the same
 * concurrency as the platform's submissions ({@code BareBench}).
 */
@SpringBootApplication
@RestController
public class BareSubmissions {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ObjectMapper json;

	private final int tasks;

	private final int materials;

	private final int timeline;

	BareSubmissions(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
			@Value("${bare.tasks-per-case:5}") int tasks, @Value("${bare.materials-per-case:3}") int materials,
			@Value("${bare.timeline-per-case:5}") int timeline) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.json = json;
		this.tasks = tasks;
		this.materials = materials;
		this.timeline = timeline;
	}

	/** The applicant's account and the documents its materials point to (their foreign keys hold as on the platform). */
	private volatile long applicant;

	private volatile List<Long> documents;

	@Bean
	org.springframework.boot.ApplicationRunner bareApplicant() {
		return args -> tx.executeWithoutResult(s -> {
			Timestamp now = Timestamp.from(Instant.now());
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.update(c -> {
				PreparedStatement p = c.prepareStatement("""
						insert into account (username, password_hash, display_name, preferred_language, roles, created_at)
						values ('bare-applicant', '-', '陳大文 Chan Tai Man', 'zh-Hant', 'APPLICANT', ?)""", new String[] { "id" });
				p.setTimestamp(1, now);
				return p;
			}, keys);
			applicant = keys.getKey().longValue();
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < Math.max(1, materials); i++) {
				GeneratedKeyHolder doc = new GeneratedKeyHolder();
				int n = i;
				jdbc.update(c -> {
					PreparedStatement p = c.prepareStatement("""
							insert into document (owner_account_id, original_name, content_type, size_bytes, sha256, storage_key, uploaded_at)
							values (?, 'scan.pdf', 'application/pdf', 60, ?, ?, ?)""", new String[] { "id" });
					p.setLong(1, applicant);
					p.setString(2, String.format("%064d", n));
					p.setString(3, "bare-" + n);
					p.setTimestamp(4, now);
					return p;
				}, doc);
				ids.add(doc.getKey().longValue());
			}
			documents = List.copyOf(ids);
		});
	}

	/** No security on the yardstick's endpoint: Spring Security's filters are not even entered. */
	@Bean
	WebSecurityCustomizer bareIsOpen() {
		return web -> web.ignoring().requestMatchers("/bare/**");
	}

	@PostMapping("/bare/applications")
	ResponseEntity<Map<String, Object>> submit(@RequestBody Map<String, Object> body,
			@RequestHeader("Idempotency-Key") String key) {
		String answers = json.writeValueAsString(body.get("answers"));
		long submittedBy = applicant;
		return tx.execute(s -> {
			List<Long> existing = jdbc.queryForList(
					"select id from casework_case where submitted_by = ? and idempotency_key = ?", Long.class, submittedBy, key);
			if (!existing.isEmpty()) {
				return ResponseEntity.ok(Map.of("caseId", existing.get(0)));
			}
			Instant now = Instant.now();
			Timestamp at = Timestamp.from(now);
			long n = jdbc.queryForObject("select nextval('casework_receipt_seq')", Long.class);
			String receipt = "HT" + DAY.format(LocalDate.now(ZONE)) + "-" + String.format("%06d", n % 1_000_000);
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.update(c -> {
				PreparedStatement p = c.prepareStatement("""
						insert into casework_case (receipt_number, applicant_account_id, applicant_name, applicant_type,
						    matter_code, channel, status, output_mappings, submitted_by, idempotency_key, submitted_at, updated_at)
						values (?, ?, ?, 'HK_RESIDENT', 'BARE', 'API', 'SUBMITTED', '[]', ?, ?, ?, ?)""", new String[] { "id" });
				p.setString(1, receipt);
				p.setLong(2, submittedBy);
				p.setString(3, "陳大文 Chan Tai Man");
				p.setLong(4, submittedBy);
				p.setString(5, key);
				p.setTimestamp(6, at);
				p.setTimestamp(7, at);
				return p;
			}, keys);
			long caseId = keys.getKey().longValue();
			List<Long> taskIds = insertTasks(caseId, answers, at);
			List<Object[]> materialRows = new ArrayList<>();
			for (int i = 0; i < materials; i++) {
				materialRows.add(new Object[] { taskIds.get(i % taskIds.size()), "MATERIAL_" + i,
						documents.get(i % documents.size()) });
			}
			jdbc.batchUpdate("insert into casework_task_material (task_id, material_code, document_id) values (?, ?, ?)",
					materialRows);
			List<Object[]> entries = new ArrayList<>();
			for (int i = 0; i < timeline; i++) {
				entries.add(new Object[] { caseId, at, "ITEM-" + (i % tasks), "SUBMITTED", "SUBMIT", submittedBy,
						"陳大文 Chan Tai Man", "APPLICANT", "API" });
			}
			jdbc.batchUpdate("""
					insert into casework_timeline (case_id, at, item_code, to_status, action, actor_account_id, actor_name,
					    actor_role, channel) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries);
			jdbc.update("insert into event_log (event_type, payload, created_at, next_attempt_at) values (?, ?, ?, ?)",
					"org.hetao.bare.CaseSubmitted", "{\"caseId\":" + caseId + ",\"receiptNumber\":\"" + receipt + "\"}", at, at);
			jdbc.update("insert into audit_pending (occurred_at, actor, origin, action, target, details) values (?, ?, ?, ?, ?, ?)",
					at, "bare", "127.0.0.1", "casework.CaseSubmitted", "receiptNumber:" + receipt, "{}");
			Map<String, Object> receiptJson = new LinkedHashMap<>();
			receiptJson.put("receiptNumber", receipt);
			receiptJson.put("caseId", caseId);
			return ResponseEntity.status(HttpStatus.CREATED).body(receiptJson);
		});
	}

	private List<Long> insertTasks(long caseId, String formData, Timestamp at) {
		List<Long> ids = new ArrayList<>();
		jdbc.execute((java.sql.Connection c) -> {
			try (PreparedStatement p = c.prepareStatement("""
					insert into casework_task (case_id, position, item_code, department_code, depends_on, status, form_data,
					    checked_materials, deficiencies, outputs, jurisdiction, promised_days, paused_days,
					    deadline_provisional, version, updated_at)
					values (?, ?, ?, 'bare', '', 'SUBMITTED', ?, '', '[]', '{}', 'CN', 5, 0, false, 0, ?)""",
					Statement.RETURN_GENERATED_KEYS)) {
				for (int i = 0; i < tasks; i++) {
					p.setLong(1, caseId);
					p.setInt(2, i);
					p.setString(3, "ITEM-" + i);
					p.setString(4, formData);
					p.setTimestamp(5, at);
					p.addBatch();
				}
				p.executeBatch();
				try (var keys = p.getGeneratedKeys()) {
					while (keys.next()) {
						ids.add(keys.getLong("id"));
					}
				}
			}
			return null;
		});
		return ids;
	}

	public static void main(String[] args) {
		SpringApplication.run(BareSubmissions.class, args);
	}

}
