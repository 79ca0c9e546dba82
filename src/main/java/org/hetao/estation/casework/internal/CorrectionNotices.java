package org.hetao.estation.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.casework.Actor;
import org.hetao.estation.casework.CorrectionNotice;
import org.hetao.estation.casework.Deficiency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The correction notices of every task, each kept as sent, with what the resubmission answering it changed. */
@Repository
public class CorrectionNotices {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	CorrectionNotices(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The task's notices, first first. */
	public List<CorrectionNotice> ofTask(long taskId) {
		return jdbc.sql("select * from casework_correction_notice where task_id = :t order by sequence_number")
			.param("t", taskId)
			.query(this::map)
			.list();
	}

	/** The case's notices, by task then in order. */
	public List<CorrectionNotice> ofCase(long caseId) {
		return jdbc.sql("select * from casework_correction_notice where case_id = :c order by task_id, sequence_number")
			.param("c", caseId)
			.query(this::map)
			.list();
	}

	public Optional<CorrectionNotice> latest(long taskId) {
		List<CorrectionNotice> all = ofTask(taskId);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	/** Keeps a notice just sent (in the transaction that sent it). */
	public void add(long caseId, long taskId, String itemCode, List<Deficiency> deficiencies, String reason,
			Actor by, Instant at) {
		int next = latest(taskId).map(n -> n.sequence() + 1).orElse(1);
		jdbc.sql("""
				insert into casework_correction_notice (case_id, task_id, item_code, sequence_number, deficiencies, reason,
				    issued_at, issued_by_name, issued_by_role)
				values (:c, :t, :item, :n, :d, :reason, :at, :by, :role)""")
			.param("c", caseId)
			.param("t", taskId)
			.param("item", itemCode)
			.param("n", next)
			.param("d", json.writeValueAsString(deficiencies))
			.param("reason", reason)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("by", by.name())
			.param("role", by.role())
			.update();
	}

	/** The resubmission answered the task's waiting notice, changing these materials and answers. */
	public void answered(long taskId, Set<String> materials, Set<String> fields, Instant at) {
		jdbc.sql("""
				update casework_correction_notice set answered_at = :at, changed_materials = :m, changed_fields = :f
				where task_id = :t and answered_at is null""")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("m", String.join(",", materials.stream().sorted().toList()))
			.param("f", String.join(",", fields.stream().sorted().toList()))
			.param("t", taskId)
			.update();
	}

	private CorrectionNotice map(ResultSet rs, int n) throws SQLException {
		OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
		return new CorrectionNotice(rs.getLong("id"), rs.getLong("task_id"), rs.getString("item_code"),
				rs.getInt("sequence_number"), json.readValue(rs.getString("deficiencies"), new TypeReference<List<Deficiency>>() {
				}), rs.getString("reason"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
				rs.getString("issued_by_name"), rs.getString("issued_by_role"), answered == null ? null : answered.toInstant(),
				codes(rs.getString("changed_materials")), codes(rs.getString("changed_fields")));
	}

	private static Set<String> codes(String text) {
		return text == null || text.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.split(",")));
	}

}
