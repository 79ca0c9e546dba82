package org.hetao.estation.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Uploading, finding and reading documents. The bytes go to the {@link DocumentStore} first, then the
 * row; a row never points at missing bytes, and if the surrounding transaction rolls back the bytes are
 * removed again.
 */
@Service
public class Documents {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	private final JdbcClient jdbc;

	private final DocumentStore store;

	private final Clock clock;

	private final long maxBytes;

	private final List<DocumentReadPermission> permissions;

	private final VirusScanner scanner;

	private final int maxPages;

	private final long maxImagePixels;

	Documents(JdbcClient jdbc, DocumentStore store, Clock clock,
			@Value("${estation.documents.max-size:10MB}") DataSize maxSize, List<DocumentReadPermission> permissions,
			VirusScanner scanner, @Value("${estation.documents.max-pages:100}") int maxPages,
			@Value("${estation.documents.max-image-pixels:40000000}") long maxImagePixels) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
		this.permissions = permissions;
		this.scanner = scanner;
		this.maxPages = maxPages;
		this.maxImagePixels = maxImagePixels;
	}

	/** The largest accepted document, in bytes. */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Stores a document for its owner after checking its size and its type by content.
	 *
	 * @param field the form field to name in a validation error
	 * @throws Problem 400 with a field error when the file is empty, too large or not a PDF, JPEG or PNG
	 */
	public DocumentInfo upload(long ownerAccountId, String originalName, byte[] content, String field) {
		if (content == null || content.length == 0) {
			throw invalid(field, "documents.error.empty");
		}
		if (content.length > maxBytes) {
			throw new Problem(Problem.Kind.INVALID, "documents.error.tooLarge",
					List.of(new Problem.FieldError(field, "documents.error.tooLarge", maxBytes / (1024 * 1024))),
					maxBytes / (1024 * 1024));
		}
		String type = ContentTypes.detect(content).orElseThrow(() -> invalid(field, "documents.error.type"));
		checkPagesAndDimensions(content, type, field);
		VirusScanner.Verdict verdict = scan(content, field);
		String key = storageKey(type);
		try {
			store.put(key, content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		removeOnRollback(key);
		var keys = new GeneratedKeyHolder();
		Instant now = clock.instant();
		String name = displayName(originalName, type);
		String sha256 = sha256(content);
		try {
			jdbc.sql("""
					insert into document (owner_account_id, original_name, content_type, size_bytes, sha256, storage_key, uploaded_at,
					  scan_status, scanned_at)
					values (:owner, :name, :type, :size, :sha, :key, :at, :scan, :scannedAt)""")
				.param("owner", ownerAccountId)
				.param("name", name)
				.param("type", type)
				.param("size", (long) content.length)
				.param("sha", sha256)
				.param("key", key)
				.param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
				.param("scan", verdict.status().name())
				.param("scannedAt", verdict.status() == VirusScanner.Status.NOT_SCANNED ? null
						: OffsetDateTime.ofInstant(now, clock.getZone()))
				.update(keys, "id");
		}
		catch (RuntimeException e) {
			deleteQuietly(key);
			throw e;
		}
		return new DocumentInfo(keys.getKeyAs(Number.class).longValue(), ownerAccountId, name, type, content.length,
				sha256, now);
	}

	/** The virus scan recorded with a document: {@code CLEAN} or {@code NOT_SCANNED} (infected files are never stored). */
	public Optional<VirusScanner.Status> scanStatus(long id) {
		return jdbc.sql("select scan_status from document where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(VirusScanner.Status::valueOf);
	}

	private void checkPagesAndDimensions(byte[] content, String type, String field) {
		if (type.equals("application/pdf")) {
			int pages = UploadLimits.pdfPages(content);
			if (pages > maxPages) {
				throw new Problem(Problem.Kind.INVALID, "documents.error.tooManyPages",
						List.of(new Problem.FieldError(field, "documents.error.tooManyPages", maxPages)), maxPages);
			}
			return;
		}
		var size = UploadLimits.imageSize(content, type);
		if (size[0].isEmpty() || size[1].isEmpty() || size[0].getAsInt() <= 0 || size[1].getAsInt() <= 0) {
			throw invalid(field, "documents.error.unreadableImage");
		}
		if ((long) size[0].getAsInt() * size[1].getAsInt() > maxImagePixels) {
			long megapixels = Math.max(1, maxImagePixels / 1_000_000);
			throw new Problem(Problem.Kind.INVALID, "documents.error.imageTooLarge",
					List.of(new Problem.FieldError(field, "documents.error.imageTooLarge", megapixels)), megapixels);
		}
	}

	private VirusScanner.Verdict scan(byte[] content, String field) {
		VirusScanner.Verdict verdict;
		try {
			verdict = scanner.scan(content);
		}
		catch (IOException e) {
			log.warn("Virus scan failed, upload refused: {}", e.getMessage());
			throw new Problem(Problem.Kind.UNAVAILABLE, "documents.error.scanUnavailable",
					List.of(new Problem.FieldError(field, "documents.error.scanUnavailable")));
		}
		if (verdict.status() == VirusScanner.Status.INFECTED) {
			log.warn("Upload refused, virus found: {}", verdict.signature());
			throw new Problem(Problem.Kind.UNPROCESSABLE, "documents.error.infected",
					List.of(new Problem.FieldError(field, "documents.error.infected", verdict.signature())),
					verdict.signature());
		}
		return verdict;
	}

	public Optional<DocumentInfo> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Documents::map).optional();
	}

	/** An applicant's documents, newest first ("my documents", offered for reuse). */
	public List<DocumentInfo> ownedBy(long ownerAccountId) {
		return jdbc.sql(SELECT + " where owner_account_id = :o order by uploaded_at desc, id desc")
			.param("o", ownerAccountId)
			.query(Documents::map)
			.list();
	}

	/** The document if it is the user's own; else empty (the caller answers 404, never "it exists"). */
	public Optional<DocumentInfo> ownDocument(EstationUser user, long id) {
		return find(id).filter(d -> d.ownerAccountId() == user.id());
	}

	/** Which of {@code ids} are documents of this user, in one statement. */
	public java.util.Set<Long> ownedAmong(EstationUser user, java.util.Collection<Long> ids) {
		List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		if (wanted.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("select id from document where owner_account_id = :o and id in (:ids)")
			.param("o", user.id())
			.param("ids", wanted)
			.query(Long.class)
			.list());
	}

	/** The document if this user may read it: its owner, or someone a {@link DocumentReadPermission} allows. */
	public Optional<DocumentInfo> readable(EstationUser user, long id) {
		return find(id).filter(d -> d.ownerAccountId() == user.id()
				|| permissions.stream().anyMatch(p -> p.allows(user, d.id())));
	}

	public InputStream open(DocumentInfo document) {
		String key = jdbc.sql("select storage_key from document where id = :id")
			.param("id", document.id())
			.query(String.class)
			.single();
		try {
			return store.open(key);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public long count() {
		return jdbc.sql("select count(*) from document").query(Long.class).single();
	}

	private static Problem invalid(String field, String key) {
		return new Problem(Problem.Kind.INVALID, key, List.of(new Problem.FieldError(field, key)));
	}

	private static String storageKey(String type) {
		String id = UUID.randomUUID().toString();
		return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id + "." + ContentTypes.extension(type);
	}

	/**
	 * The user's file name without any path, control or format characters (bidirectional overrides that could
	 * disguise "exe.pdf" as "fdp.exe", zero-width characters) or excess length; for display only.
	 */
	static String displayName(String originalName, String type) {
		String name = originalName == null ? "" : originalName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
					&& Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED
					&& c != 0x2028 && c != 0x2029)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "document." + ContentTypes.extension(type);
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private void removeOnRollback(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						deleteQuietly(key);
					}
				}
			});
		}
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException e) {
			log.warn("Could not remove the orphaned document {}: {}", key, e.getMessage());
		}
	}

	private static final String SELECT = """
			select id, owner_account_id, original_name, content_type, size_bytes, sha256, uploaded_at from document""";

	private static DocumentInfo map(ResultSet rs, int row) throws SQLException {
		return new DocumentInfo(rs.getLong("id"), rs.getLong("owner_account_id"), rs.getString("original_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

}
