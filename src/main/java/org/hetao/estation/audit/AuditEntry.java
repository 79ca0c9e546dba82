package org.hetao.estation.audit;

import java.time.Instant;

/**
 * One record of the audit log.
 *
 * @param actor who did it (user name, {@code system} or {@code anonymous})
 * @param origin where from (client IP address), may be null
 * @param action what happened, e.g. {@code casework.TaskDecided}, {@code identity.SIGN_IN}
 * @param target what it happened to, e.g. {@code case:HT20261127-000123}
 * @param details more, as JSON text; personal data masked
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String origin, String action, String target,
		String details, String previousHash, String hash) {
}
