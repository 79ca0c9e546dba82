package org.hetao.estation.park.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Leisure-information notices. Which are current is a query by today's date on the injected clock, so an
 * expired notice disappears by itself — no job has to remove it.
 */
@Service
public class Notices {

	private final JdbcClient jdbc;

	private final Clock clock;

	public Notices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The notices current today, newest first. */
	public List<Notice> current() {
		return currentOn(LocalDate.now(clock));
	}

	public List<Notice> currentOn(LocalDate day) {
		return jdbc.sql("select * from park_notice where publish_on <= ? and expires_on >= ? "
				+ "order by publish_on desc, id desc")
			.params(day, day)
			.query(Notices::map)
			.list();
	}

	/** Every notice, for the operator: scheduled, current and expired. */
	public List<Notice> all() {
		return jdbc.sql("select * from park_notice order by expires_on desc, id desc").query(Notices::map).list();
	}

	/** Whether someone (a username, or {@code demo}) has published any notice, current or not. */
	public boolean anyPublishedBy(String actor) {
		return jdbc.sql("select count(*) from park_notice where created_by = ?").param(actor).query(Integer.class).single() > 0;
	}

	public Notice publish(NoticeCategory category, LocalizedText title, LocalizedText body, LocalDate publishOn,
			LocalDate expiresOn, String actor) {
		if (expiresOn.isBefore(publishOn)) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "park.notice.error.dates",
					List.of(new Problem.FieldError("expiresOn", "park.notice.error.dates")));
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into park_notice (category, title_zh_hant, title_zh_hans, title_en, body_zh_hant, body_zh_hans, "
				+ "body_en, publish_on, expires_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(category.name(), title.zhHant(), title.zhHans(), title.en(), body.zhHant(), body.zhHans(), body.en(),
					publishOn, expiresOn, actor, OffsetDateTime.now(clock))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return jdbc.sql("select * from park_notice where id = ?").param(id).query(Notices::map).single();
	}

	/** The operator withdraws a notice at once: it expires yesterday (it stays on record). */
	public void withdraw(long id) {
		LocalDate today = LocalDate.now(clock);
		int changed = jdbc.sql("update park_notice set expires_on = ?, publish_on = case when publish_on > ? then ? else publish_on end "
				+ "where id = ?")
			.params(today.minusDays(1), today.minusDays(1), today.minusDays(1), id)
			.update();
		if (changed == 0) {
			throw Problem.notFound("park.notice.error.notFound");
		}
	}

	private static Notice map(ResultSet rs, int n) throws SQLException {
		return new Notice(rs.getLong("id"), NoticeCategory.valueOf(rs.getString("category")),
				LocalizedText.of(rs.getString("title_zh_hant"), rs.getString("title_zh_hans"), rs.getString("title_en")),
				LocalizedText.of(rs.getString("body_zh_hant"), rs.getString("body_zh_hans"), rs.getString("body_en")),
				rs.getObject("publish_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
				rs.getString("created_by"));
	}

}
