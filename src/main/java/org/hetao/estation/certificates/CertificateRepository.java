package org.hetao.estation.certificates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The certificate register. */
@Repository
class CertificateRepository {

	private static final String COLUMNS = "number, receipt_number, case_id, task_id, item_code, department_code, "
			+ "holder_masked, holder_account_id, language, sha256, issued_at, status, revoked_at, revoked_by, "
			+ "revoke_reason, version";

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Certificate c, byte[] pdf) {
		jdbc.sql("insert into certificate (" + COLUMNS + ", pdf) values (:number, :receipt, :caseId, :taskId, :item, "
				+ ":department, :holder, :holderAccount, :language, :sha256, :issuedAt, :status, null, null, null, 0, :pdf)")
			.param("number", c.number())
			.param("receipt", c.receiptNumber())
			.param("caseId", c.caseId())
			.param("taskId", c.taskId())
			.param("item", c.itemCode())
			.param("department", c.departmentCode())
			.param("holder", c.holderMasked())
			.param("holderAccount", c.holderAccountId())
			.param("language", c.language())
			.param("sha256", c.sha256())
			.param("issuedAt", Timestamp.from(c.issuedAt()))
			.param("status", c.status().name())
			.param("pdf", pdf)
			.update();
	}

	Optional<Certificate> byNumber(String number) {
		return jdbc.sql("select " + COLUMNS + " from certificate where number = :n").param("n", number).query(this::map).optional();
	}

	Optional<Certificate> bySha256(String sha256) {
		return jdbc.sql("select " + COLUMNS + " from certificate where sha256 = :h").param("h", sha256).query(this::map).optional();
	}

	boolean existsForTask(long taskId) {
		return jdbc.sql("select count(*) from certificate where task_id = :t").param("t", taskId).query(Long.class).single() > 0;
	}

	List<Certificate> ofReceipt(String receiptNumber) {
		return jdbc.sql("select " + COLUMNS + " from certificate where receipt_number = :r order by issued_at, number")
			.param("r", receiptNumber)
			.query(this::map)
			.list();
	}

	Optional<byte[]> pdf(String number) {
		return jdbc.sql("select pdf from certificate where number = :n").param("n", number).query((rs, i) -> rs.getBytes(1)).optional();
	}

	/** Revokes a valid certificate; false if it was revoked meanwhile (or the version is stale). */
	boolean revoke(String number, int version, Instant at, String by, String reason) {
		return jdbc.sql("""
				update certificate set status = 'REVOKED', revoked_at = :at, revoked_by = :by, revoke_reason = :reason,
				version = version + 1 where number = :n and status = 'VALID' and version = :v""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("reason", reason)
			.param("n", number)
			.param("v", version)
			.update() == 1;
	}

	private Certificate map(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		long account = rs.getLong("holder_account_id");
		Long holderAccount = rs.wasNull() ? null : account;
		return new Certificate(rs.getString("number"), rs.getString("receipt_number"), rs.getLong("case_id"),
				rs.getLong("task_id"), rs.getString("item_code"), rs.getString("department_code"),
				rs.getString("holder_masked"), holderAccount, rs.getString("language"),
				rs.getString("sha256"), rs.getTimestamp("issued_at").toInstant(),
				CertificateStatus.valueOf(rs.getString("status")), revoked == null ? null : revoked.toInstant(),
				rs.getString("revoked_by"), rs.getString("revoke_reason"), rs.getInt("version"));
	}

}
