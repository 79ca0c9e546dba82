package org.hetao.estation.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rule of the chain: each record's hash is SHA-256 over the previous record's hash and the
 * record's own fields, so changing or removing any past record breaks every hash after it.
 */
public final class HashChain {

	/** The "previous hash" of the first record. */
	public static final String GENESIS = "0".repeat(64);

	private HashChain() {
	}

	public static String hash(String previousHash, long sequence, java.time.Instant occurredAt, String actor,
			String origin, String action, String target, String details) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { previousHash, Long.toString(sequence),
					Long.toString(occurredAt.getEpochSecond()) + "." + occurredAt.getNano(), actor, origin, action, target,
					details }) {
				byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
				sha.update(intBytes(bytes.length));
				sha.update(bytes);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	public static String hashOf(AuditEntry e) {
		return hash(e.previousHash(), e.sequence(), e.occurredAt(), e.actor(), e.origin(), e.action(), e.target(),
				e.details());
	}

	/** The first record (in sequence order) that breaks the chain, if any. */
	public static Optional<Break> verify(List<AuditEntry> entriesInOrder, String expectedFirstPrevious,
			long expectedFirstSequence) {
		String previous = expectedFirstPrevious;
		long expectedSequence = expectedFirstSequence;
		for (AuditEntry e : entriesInOrder) {
			if (e.sequence() != expectedSequence) {
				return Optional.of(new Break(expectedSequence, "missing"));
			}
			if (!e.previousHash().equals(previous)) {
				return Optional.of(new Break(e.sequence(), "link"));
			}
			if (!hashOf(e).equals(e.hash())) {
				return Optional.of(new Break(e.sequence(), "content"));
			}
			previous = e.hash();
			expectedSequence++;
		}
		return Optional.empty();
	}

	/** Where the chain breaks: the sequence number and why (content changed, link broken, record missing). */
	public record Break(long sequence, String reason) {
	}

	private static byte[] intBytes(int value) {
		return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
	}

}
