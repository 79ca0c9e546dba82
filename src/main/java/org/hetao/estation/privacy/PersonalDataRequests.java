package org.hetao.estation.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hetao.estation.audit.AuditEntry;
import org.hetao.estation.audit.AuditLog;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.PersonalDataContributor;
import org.hetao.estation.shared.PersonalDataContributor.Outcome;
import org.hetao.estation.shared.PersonalDataContributor.Result;
import org.hetao.estation.shared.PersonalDataContributor.Rule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The applicant's own requests about their personal data: the export (JSON of every module's section, and
 * a ZIP with the JSON and their uploaded documents) and erasure. Always for the signed-in applicant only:
 * callers pass the current user, never an id from a request. Both are audited.
 */
@Service
public class PersonalDataRequests {

	private final List<PersonalDataContributor> contributors;

	private final AuditLog audit;

	private final RetentionRules retention;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	PersonalDataRequests(List<PersonalDataContributor> contributors, AuditLog audit, RetentionRules retention,
			ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
		this.contributors = contributors.stream().sorted(Comparator.comparing(PersonalDataContributor::section)).toList();
		this.audit = audit;
		this.retention = retention;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	static String subject(EstationUser user) {
		return "account:" + user.id();
	}

	/** Everything held about the user, section by section (decrypted, dates as ISO-8601 text). */
	@Transactional
	public Map<String, Object> export(EstationUser user) {
		Map<String, Object> out = gather(user);
		events.publishEvent(new PersonalDataExported(subject(user), "JSON", out.size()));
		return out;
	}

	/** The export as a ZIP: {@code personal-data.json} and every uploaded document. */
	@Transactional
	public byte[] exportZip(EstationUser user) {
		Map<String, Object> data = gather(user);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("personal-data.json"));
			zip.write(json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(data));
			zip.closeEntry();
			for (PersonalDataContributor c : contributors) {
				for (PersonalDataContributor.Attachment a : c.attachments(user.id())) {
					zip.putNextEntry(new ZipEntry(safe(a.path())));
					zip.write(a.content().get());
					zip.closeEntry();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		events.publishEvent(new PersonalDataExported(subject(user), "ZIP", data.size()));
		return bytes.toByteArray();
	}

	private Map<String, Object> gather(EstationUser user) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("exportedAt", clock.instant().toString());
		out.put("accountId", user.id());
		for (PersonalDataContributor c : contributors) {
			out.put(c.section(), plain(c.export(user.id())));
		}
		List<Map<String, Object>> records = new ArrayList<>();
		for (AuditEntry e : audit.byActorOrAbout(user.getUsername(), "subject:" + subject(user))) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("sequence", e.sequence());
			r.put("at", e.occurredAt().toString());
			r.put("actor", e.actor());
			r.put("action", e.action());
			r.put("target", e.target());
			r.put("details", e.details());
			records.add(r);
		}
		out.put("audit", Map.of("records", records));
		return out;
	}

	/** Erases what may go, keeps what must stay; returns one outcome per category, the kept ones with their reason. */
	@Transactional
	public List<Outcome> erase(EstationUser user) {
		Instant now = clock.instant();
		List<Outcome> outcomes = new ArrayList<>();
		PersonalDataContributor.Retention rules = new PersonalDataContributor.Retention() {
			@Override
			public Instant now() {
				return now;
			}

			@Override
			public Rule rule(String category) {
				return retention.rule(category);
			}

			@Override
			public boolean openMatters() {
				return outcomes.stream()
					.anyMatch(o -> o.result() == Result.KEPT && PersonalDataContributor.OPEN.equals(o.reasonKey()));
			}
		};
		for (PersonalDataContributor c : contributors.stream()
			.sorted(Comparator.comparingInt(PersonalDataContributor::erasureOrder))
			.toList()) {
			outcomes.addAll(c.erase(user.id(), rules));
		}
		Rule auditRule = retention.rule("auditLog");
		outcomes.add(Outcome.kept("auditLog", 0, "privacy.reason.auditLog", String.valueOf(auditRule.years())));
		events.publishEvent(new ErasureCompleted(subject(user),
				outcomes.stream().map(o -> o.category() + ":" + o.result() + ":" + o.count()).toList()));
		return outcomes;
	}

	/** Rows from JDBC hold driver types: dates become ISO-8601 text, everything else stays. */
	static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(java.util.Locale.ROOT).equals(String.valueOf(k))
					? camel(String.valueOf(k)) : String.valueOf(k), plain(v)));
			return out;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(PersonalDataRequests::plain).toList();
		}
		if (value instanceof Timestamp ts) {
			return ts.toInstant().toString();
		}
		if (value instanceof OffsetDateTime odt) {
			return odt.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
		}
		if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
			return value.toString();
		}
		return value;
	}

	/** {@code created_at} → {@code createdAt}. */
	static String camel(String column) {
		StringBuilder out = new StringBuilder();
		boolean up = false;
		for (char ch : column.toCharArray()) {
			if (ch == '_') {
				up = true;
			}
			else {
				out.append(up ? Character.toUpperCase(ch) : ch);
				up = false;
			}
		}
		return out.toString();
	}

	private static String safe(String path) {
		String p = path.replace('\\', '/').replace("..", "_");
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		return p;
	}

}
