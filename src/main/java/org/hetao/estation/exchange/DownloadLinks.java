package org.hetao.estation.exchange;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Short-lived signed links to a task's material documents, for the department system the task was handed to:
 * HMAC-SHA256 with the platform's link secret over department, task, document and expiry. Whoever holds a valid,
 * unexpired link may read that one document; nothing else.
 */
final class DownloadLinks {

	private final String secret;

	private final Duration ttl;

	DownloadLinks(String secret, Duration ttl) {
		if (secret == null || secret.length() < 32) {
			throw new IllegalArgumentException("the link secret needs at least 32 characters");
		}
		this.secret = secret;
		this.ttl = ttl;
	}

	record Link(String path, Instant expiresAt) {
	}

	/** The path and query of a link valid from {@code now} for the configured time. */
	Link create(String department, long taskId, long documentId, Instant now) {
		long expires = now.plus(ttl).getEpochSecond();
		String signature = ExchangeSignature.hmacHex(secret, text(department, taskId, documentId, expires));
		return new Link("/api/v1/exchange/documents/" + documentId + "?department=" + department + "&task=" + taskId
				+ "&expires=" + expires + "&signature=" + signature, Instant.ofEpochSecond(expires));
	}

	boolean valid(String department, long taskId, long documentId, long expires, String signature, Instant now) {
		if (department == null || signature == null || now.getEpochSecond() > expires) {
			return false;
		}
		String expected = ExchangeSignature.hmacHex(secret, text(department, taskId, documentId, expires));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private static String text(String department, long taskId, long documentId, long expires) {
		return department + "|" + taskId + "|" + documentId + "|" + expires;
	}

}
