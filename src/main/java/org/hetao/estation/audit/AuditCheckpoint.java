package org.hetao.estation.audit;

import java.time.Instant;

/**
 * A signed checkpoint of the audit chain, as read back from its file: the head's sequence number and hash at a
 * time. {@code signatureValid} is false when the file was altered or was not signed with the platform's key.
 */
public record AuditCheckpoint(long sequence, String hash, Instant at, boolean signatureValid, String file) {
}
