package org.hetao.estation.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalData;
import org.hetao.estation.shared.PersonalDataCipher;
import org.hetao.estation.shared.ReEncryptable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites personal data under the active key, in batches: every declared {@link EncryptedColumn} and
 * every {@link ReEncryptable} (stored files). Values still in plaintext (written before encryption existed)
 * are encrypted, and their blind index filled in. Each row is updated only if it still holds the value
 * read, so the job can run while the application serves requests; running it twice changes nothing.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final List<EncryptedColumn> columns;

	private final List<ReEncryptable> others;

	private final PersonalDataCipher cipher;

	KeyRotation(JdbcClient jdbc, ObjectMapper json, List<EncryptedColumn> columns, List<ReEncryptable> others,
			PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.columns = columns;
		this.others = others;
		this.cipher = cipher;
	}

	/** What one run rewrote: {@code table.column} (or a store's name) → count; {@code failed} → unreadable values. */
	public record Report(Map<String, Long> rewritten, long failed) {

		public long total() {
			return rewritten.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Rotates with the application's cipher (its active key). */
	public Report rotate(int batchSize) {
		return rotate(cipher, batchSize);
	}

	/** Rotates with the given cipher (its active key); for tests and for a cipher built from new configuration. */
	public Report rotate(PersonalDataCipher with, int batchSize) {
		Map<String, Long> counts = new LinkedHashMap<>();
		long[] failed = { 0 };
		for (EncryptedColumn column : columns) {
			long n = column.format() == EncryptedColumn.Format.VALUE ? rotateValues(with, column, batchSize, failed)
					: rotateJson(with, column, batchSize, failed);
			counts.merge(column.context(), n, Long::sum);
		}
		for (ReEncryptable other : others) {
			counts.merge(other.name(), other.reencrypt(with, batchSize), Long::sum);
		}
		log.info("Key rotation to key '{}': {} values rewritten ({}), {} unreadable.", with.activeKeyId(),
				counts.values().stream().mapToLong(Long::longValue).sum(), counts, failed[0]);
		return new Report(counts, failed[0]);
	}

	private record Row(long id, String value) {
	}

	/** Rewrites one row: how many rows it changed. */
	private interface Rewrite {

		int apply(Row row) throws PersonalDataCipher.DecryptionFailed;

	}

	/**
	 * Walks a column's values in batches by id, the rows after the last one read (so rows rewritten meanwhile are not
	 * read twice), and rewrites each; a value that cannot be decrypted is counted, logged and left. {@code current},
	 * when given, leaves out the values already under the active key. Returns the rows rewritten.
	 */
	private long rewriteAll(EncryptedColumn c, String current, int batchSize, long[] failed, Rewrite rewrite) {
		long after = Long.MIN_VALUE;
		long count = 0;
		while (true) {
			var select = jdbc.sql("select " + c.idColumn() + ", " + c.column() + " from " + c.table() + " where "
					+ c.column() + " is not null" + (current == null ? "" : " and " + c.column() + " not like :current")
					+ " and " + c.idColumn() + " > :after order by " + c.idColumn() + " limit :n")
				.param("after", after)
				.param("n", batchSize);
			if (current != null) {
				select = select.param("current", current);
			}
			List<Row> rows = select.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).list();
			if (rows.isEmpty()) {
				return count;
			}
			for (Row row : rows) {
				after = row.id();
				try {
					count += rewrite.apply(row);
				}
				catch (PersonalDataCipher.DecryptionFailed e) {
					failed[0]++;
					log.error("Cannot re-encrypt {} row {}: {}", c.context(), row.id(), e.getMessage());
				}
			}
		}
	}

	private long rotateValues(PersonalDataCipher with, EncryptedColumn c, int batchSize, long[] failed) {
		String sql = "update " + c.table() + " set " + c.column() + " = :new"
				+ (c.blindIndexColumn() == null ? "" : ", " + c.blindIndexColumn() + " = :index") + " where "
				+ c.idColumn() + " = :id and " + c.column() + " = :old";
		return rewriteAll(c, "v1:" + with.activeKeyId() + ":%", batchSize, failed, row -> {
			String plaintext = with.decrypt(row.value(), c.context());
			var update = jdbc.sql(sql)
				.param("new", with.encrypt(plaintext, c.context()))
				.param("id", row.id())
				.param("old", row.value());
			if (c.blindIndexColumn() != null) {
				update = update.param("index", c.blindIndexOf(with, plaintext));
			}
			return update.update();
		});
	}

	private long rotateJson(PersonalDataCipher with, EncryptedColumn c, int batchSize, long[] failed) {
		return rewriteAll(c, null, batchSize, failed, row -> {
			JsonNode tree;
			try {
				tree = json.readTree(row.value());
			}
			catch (RuntimeException e) {
				return 0;
			}
			if (!(tree instanceof ObjectNode object)) {
				return 0;
			}
			boolean changed = false;
			for (String name : List.copyOf(object.propertyNames())) {
				JsonNode v = object.get(name);
				if (v.isString() && PersonalData.isPersonalKey(name) && !with.isCurrent(v.asString())) {
					String context = c.fieldContext(name);
					object.put(name, with.encrypt(with.decrypt(v.asString(), context), context));
					changed = true;
				}
			}
			if (!changed) {
				return 0;
			}
			return jdbc.sql("update " + c.table() + " set " + c.column() + " = :new where " + c.idColumn()
					+ " = :id and " + c.column() + " = :old")
				.param("new", json.writeValueAsString(object))
				.param("id", row.id())
				.param("old", row.value())
				.update();
		});
	}

}
