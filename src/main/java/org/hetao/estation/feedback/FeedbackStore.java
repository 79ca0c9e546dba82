package org.hetao.estation.feedback;

import static org.hetao.estation.shared.Timestamps.ts;
import static org.hetao.estation.shared.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The feedback tables. */
@Component
class FeedbackStore {

	final JdbcClient jdbc;

	final NamedParameterJdbcTemplate named;

	FeedbackStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	static final String SERVICE = """
			select s.id, s.kind, s.reference, s.case_id, s.receipt_number, s.applicant_account_id, s.item_code,
			       s.department_code, s.window_number, s.service_channel, s.finished_at
			from feedback_service s""";

	static EvaluableService service(ResultSet rs, int row) throws SQLException {
		return new EvaluableService(rs.getLong("id"), ServiceKind.valueOf(rs.getString("kind")), rs.getString("reference"),
				rs.getLong("case_id"), rs.getString("receipt_number"), rs.getLong("applicant_account_id"),
				rs.getString("item_code"), rs.getString("department_code"), rs.getString("window_number"),
				rs.getString("service_channel"), instant(rs, "finished_at"));
	}

	static final String EVALUATION = """
			select id, service_id, channel, rating, reasons, comment, created_at, changed_at, changes, version
			from feedback_evaluation""";

	static List<Reason> reasons(String s) {
		return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(Reason::valueOf).toList();
	}

	static Evaluation evaluation(ResultSet rs, int row) throws SQLException {
		return new Evaluation(rs.getLong("id"), rs.getLong("service_id"), EvaluationChannel.valueOf(rs.getString("channel")),
				Rating.valueOf(rs.getString("rating")), reasons(rs.getString("reasons")), rs.getString("comment"),
				instant(rs, "created_at"), instant(rs, "changed_at"), rs.getInt("changes"), rs.getInt("version"));
	}

	Optional<EvaluableService> service(long id) {
		return jdbc.sql(SERVICE + " where s.id = :id").param("id", id).query(FeedbackStore::service).optional();
	}

	List<EvaluableService> servicesOf(long accountId) {
		return jdbc.sql(SERVICE + " where s.applicant_account_id = :a order by s.finished_at desc, s.id desc")
			.param("a", accountId)
			.query(FeedbackStore::service)
			.list();
	}

	List<Evaluation> evaluationsOf(long serviceId) {
		return jdbc.sql(EVALUATION + " where service_id = :s order by id").param("s", serviceId).query(FeedbackStore::evaluation).list();
	}

	Optional<Evaluation> evaluation(long serviceId, EvaluationChannel channel) {
		return jdbc.sql(EVALUATION + " where service_id = :s and channel = :c")
			.param("s", serviceId)
			.param("c", channel.name())
			.query(FeedbackStore::evaluation)
			.optional();
	}

	/** Records a finished service once; returns its id when it is new. */
	Optional<Long> insertService(ServiceKind kind, String reference, long caseId, String receipt, long applicant,
			String item, String department, String window, String channel, Instant finishedAt) {
		Integer exists = jdbc.sql("select count(*) from feedback_service where kind = :k and reference = :r")
			.param("k", kind.name())
			.param("r", reference)
			.query(Integer.class)
			.single();
		if (exists > 0) {
			return Optional.empty();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into feedback_service (kind, reference, case_id, receipt_number, applicant_account_id, item_code,
				                              department_code, window_number, service_channel, finished_at)
				values (:k, :r, :c, :rn, :a, :i, :d, :w, :ch, :f)
				""")
			.param("k", kind.name())
			.param("r", reference)
			.param("c", caseId)
			.param("rn", receipt)
			.param("a", applicant)
			.param("i", item)
			.param("d", department)
			.param("w", window)
			.param("ch", channel)
			.param("f", ts(finishedAt))
			.update(keys, "id");
		return Optional.of(keys.getKeyAs(Number.class).longValue());
	}

	static final String RECTIFICATION = """
			select r.id, r.evaluation_id, r.department_code, r.window_number, r.status, r.deadline, r.action_taken,
			       r.follow_up, r.review_note, r.created_at, r.submitted_at, r.closed_at, r.version,
			       e.rating, e.comment, e.reasons,
			       s.id, s.kind, s.reference, s.case_id, s.receipt_number, s.applicant_account_id, s.item_code,
			       s.department_code, s.window_number, s.service_channel, s.finished_at
			from feedback_rectification r
			join feedback_evaluation e on e.id = r.evaluation_id
			join feedback_service s on s.id = r.service_id""";

	static Rectification rectification(ResultSet rs, int row) throws SQLException {
		EvaluableService service = new EvaluableService(rs.getLong(17), ServiceKind.valueOf(rs.getString(18)),
				rs.getString(19), rs.getLong(20), rs.getString(21), rs.getLong(22), rs.getString(23), rs.getString(24),
				rs.getString(25), rs.getString(26), rs.getObject(27, OffsetDateTime.class).toInstant());
		return new Rectification(rs.getLong(1), rs.getLong(2), service, Rating.valueOf(rs.getString(14)),
				rs.getString(15), rs.getString(16), rs.getString(3), rs.getString(4),
				RectificationStatus.valueOf(rs.getString(5)), rs.getObject(6, java.time.LocalDate.class), rs.getString(7),
				rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant(), instant(rs, "submitted_at"),
				instant(rs, "closed_at"), rs.getInt(13));
	}

	Optional<Rectification> rectification(long id) {
		return jdbc.sql(RECTIFICATION + " where r.id = :id").param("id", id).query(FeedbackStore::rectification).optional();
	}

	Optional<Rectification> rectificationOfEvaluation(long evaluationId) {
		return jdbc.sql(RECTIFICATION + " where r.evaluation_id = :id")
			.param("id", evaluationId)
			.query(FeedbackStore::rectification)
			.optional();
	}

	List<Rectification> rectifications(String departmentCode, RectificationStatus status) {
		StringBuilder sql = new StringBuilder(RECTIFICATION + " where 1 = 1");
		JdbcClient.StatementSpec spec;
		if (departmentCode != null) {
			sql.append(" and r.department_code = :d");
		}
		if (status != null) {
			sql.append(" and r.status = :st");
		}
		sql.append(" order by r.deadline, r.id");
		spec = jdbc.sql(sql.toString());
		if (departmentCode != null) {
			spec = spec.param("d", departmentCode);
		}
		if (status != null) {
			spec = spec.param("st", status.name());
		}
		return spec.query(FeedbackStore::rectification).list();
	}

}
