package org.hetao.estation.hall.internal;

import static org.hetao.estation.shared.Timestamps.instant;
import static org.hetao.estation.shared.Timestamps.ts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.hall.SelfServiceKiosks;
import org.hetao.estation.shared.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Registered cross-border self-service kiosks. The hall manager registers the browser of a kiosk; it gets a random
 * token in a long-lived cookie, of which the table keeps only the SHA-256 hash, and keeps the mode until revoked.
 */
@Service
@org.springframework.transaction.annotation.Transactional
public class KioskDevices implements SelfServiceKiosks {

	/** One registered kiosk, as the manager sees it. */
	public record Device(long id, String name, Instant registeredAt) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	KioskDevices(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Registers a device under a name; returns the token to put in its cookie. */
	public String register(String name, long managerId) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new Problem(Problem.Kind.INVALID, "hall.kiosk.error.name",
					List.of(new Problem.FieldError("name", "hall.kiosk.error.name")));
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into hall_kiosk_device (token_hash, name, registered_by, registered_at)
				values (:hash, :name, :by, :at)""")
			.param("hash", hash(token))
			.param("name", trimmed)
			.param("by", managerId)
			.param("at", ts(now))
			.update(keys, "id");
		events.publishEvent(new org.hetao.estation.hall.KioskRegistered(keys.getKey().longValue(), trimmed, managerId, now));
		return token;
	}

	public void revoke(long id, long managerId) {
		Instant now = clock.instant();
		if (jdbc.sql("update hall_kiosk_device set revoked_at = :at where id = :id and revoked_at is null")
			.param("at", ts(now))
			.param("id", id)
			.update() == 1) {
			events.publishEvent(new org.hetao.estation.hall.KioskRetired(id, managerId, now));
		}
	}

	/** The kiosks in service. */
	public List<Device> active() {
		return jdbc.sql("select id, name, registered_at from hall_kiosk_device where revoked_at is null order by name, id")
			.query((rs, n) -> new Device(rs.getLong("id"), rs.getString("name"), instant(rs, "registered_at")))
			.list();
	}

	@Override
	public List<String> locations() {
		return active().stream().map(Device::name).distinct().toList();
	}

	@Override
	public boolean isKiosk(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie c : cookies) {
			if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
				return jdbc.sql("select count(*) from hall_kiosk_device where token_hash = :h and revoked_at is null")
					.param("h", hash(c.getValue()))
					.query(Integer.class)
					.single() > 0;
			}
		}
		return false;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
