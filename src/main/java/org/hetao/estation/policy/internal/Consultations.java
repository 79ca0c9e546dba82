package org.hetao.estation.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Consultations: an applicant's question about an item or policy, and a department's answer. */
@Repository
public class Consultations {

	private static final String COLUMNS = "id, applicant_id, subject_type, subject_code, department_code, question, language, asked_at, answer, answered_by, answered_at, faq_published, version";

	private final JdbcClient jdbc;

	Consultations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Consultation(long id, long applicantId, String subjectType, String subjectCode,
			String departmentCode, String question, String language, Instant askedAt, String answer, Long answeredBy,
			Instant answeredAt, boolean faqPublished, int version) {

		public boolean answered() {
			return answer != null;
		}

	}

	long create(long applicantId, String subjectType, String subjectCode, String departmentCode, String question,
			String language, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into consultation (applicant_id, subject_type, subject_code, department_code, question, language, asked_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(applicantId, subjectType, subjectCode, departmentCode, question, language, Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Consultation> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from consultation where id = ?").param(id).query(Consultations::map).optional();
	}

	public List<Consultation> ofApplicant(long applicantId) {
		return jdbc.sql("select " + COLUMNS + " from consultation where applicant_id = ? order by asked_at desc, id desc")
			.param(applicantId).query(Consultations::map).list();
	}

	/** The department's queue: open questions first (oldest first), then answered ones. */
	public List<Consultation> ofDepartment(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from consultation where department_code = ? order by case when answer is null then 0 else 1 end, asked_at, id")
			.param(departmentCode).query(Consultations::map).list();
	}

	public List<Consultation> publishedFaqs() {
		return jdbc.sql("select " + COLUMNS + " from consultation where faq_published = true order by id")
			.query(Consultations::map).list();
	}

	public List<Consultation> faqsOf(String subjectType, String subjectCode) {
		return jdbc.sql("select " + COLUMNS + " from consultation where faq_published = true and subject_type = ? and subject_code = ? order by id")
			.params(subjectType, subjectCode).query(Consultations::map).list();
	}

	/** Answers an open question; false when it was answered meanwhile or changed (stale version). */
	boolean answer(long id, int version, String answer, long officerId, Instant at) {
		return jdbc.sql("update consultation set answer = ?, answered_by = ?, answered_at = ?, version = version + 1 where id = ? and version = ? and answer is null")
			.params(answer, officerId, Timestamp.from(at), id, version)
			.update() == 1;
	}

	boolean publish(long id) {
		return jdbc.sql("update consultation set faq_published = true, version = version + 1 where id = ? and answer is not null and faq_published = false")
			.param(id).update() == 1;
	}

	private static Consultation map(ResultSet rs, int row) throws SQLException {
		Timestamp answeredAt = rs.getTimestamp("answered_at");
		long answeredBy = rs.getLong("answered_by");
		return new Consultation(rs.getLong("id"), rs.getLong("applicant_id"), rs.getString("subject_type"),
				rs.getString("subject_code"), rs.getString("department_code"), rs.getString("question"),
				rs.getString("language"), rs.getTimestamp("asked_at").toInstant(), rs.getString("answer"),
				rs.wasNull() ? null : answeredBy, answeredAt == null ? null : answeredAt.toInstant(),
				rs.getBoolean("faq_published"), rs.getInt("version"));
	}

}
