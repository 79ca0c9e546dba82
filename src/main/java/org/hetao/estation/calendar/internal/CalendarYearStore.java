package org.hetao.estation.calendar.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import org.hetao.estation.calendar.CalendarFiles;
import org.hetao.estation.calendar.CalendarYear;
import org.hetao.estation.shared.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploaded calendar years (table {@code calendar_year}). */
@Repository
class CalendarYearStore {

	record StoredYear(CalendarYear year, String uploadedBy, Instant uploadedAt) {
	}

	private final JdbcClient jdbc;

	CalendarYearStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredYear> findAll() {
		return jdbc.sql("select jurisdiction, year_number, content, source, uploaded_by, uploaded_at from calendar_year order by jurisdiction, year_number")
			.query((rs, n) -> new StoredYear(CalendarFiles.fromStoredJson(rs.getString("content"), rs.getString("source")),
					rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A fingerprint that changes whenever a year is stored or removed (to notice another node's upload). */
	String fingerprint() {
		return jdbc.sql("select count(*) as n, coalesce(sum(version), 0) as v, max(uploaded_at) as t from calendar_year")
			.query((rs, n) -> rs.getLong("n") + "/" + rs.getLong("v") + "/" + rs.getObject("t", OffsetDateTime.class))
			.single();
	}

	/** Stores the year, replacing an earlier upload of the same year. */
	void save(CalendarYear year, String uploadedBy, Instant uploadedAt) {
		OffsetDateTime at = uploadedAt.atOffset(ZoneOffset.UTC);
		String content = CalendarFiles.toStoredJson(year);
		UnaryOperator<JdbcClient.StatementSpec> values = statement -> statement.param("content", content)
			.param("source", truncate(year.source()))
			.param("by", uploadedBy)
			.param("at", at)
			.param("j", year.jurisdiction().name())
			.param("y", year.year());
		int updated = values.apply(jdbc.sql("""
				update calendar_year set content = :content, source = :source, uploaded_by = :by, uploaded_at = :at,
				  version = version + 1
				where jurisdiction = :j and year_number = :y""")).update();
		if (updated == 0) {
			values.apply(jdbc.sql("""
					insert into calendar_year (jurisdiction, year_number, content, source, uploaded_by, uploaded_at)
					values (:j, :y, :content, :source, :by, :at)""")).update();
		}
	}

	boolean delete(Jurisdiction jurisdiction, int year) {
		return jdbc.sql("delete from calendar_year where jurisdiction = :j and year_number = :y")
			.param("j", jurisdiction.name())
			.param("y", year)
			.update() > 0;
	}

	private static String truncate(String source) {
		return source.length() > 500 ? source.substring(0, 500) : source;
	}

}
