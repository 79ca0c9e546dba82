package org.hetao.estation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HashChainTests {

	static List<AuditEntry> chain(int n) {
		List<AuditEntry> entries = new ArrayList<>();
		String previous = HashChain.GENESIS;
		for (int i = 1; i <= n; i++) {
			Instant at = Instant.parse("2026-11-27T08:00:00Z").plusSeconds(i);
			String hash = HashChain.hash(previous, i, at, "clerk", "127.0.0.1", "casework.TaskAccepted", "task:" + i, "{}");
			entries.add(new AuditEntry(i, at, "clerk", "127.0.0.1", "casework.TaskAccepted", "task:" + i, "{}", previous,
					hash));
			previous = hash;
		}
		return entries;
	}

	@Test
	void anIntactChainVerifies() {
		assertThat(HashChain.verify(chain(5), HashChain.GENESIS, 1)).isEmpty();
	}

	@Test
	void anEditedRecordIsFoundAtItsPosition() {
		List<AuditEntry> entries = chain(5);
		AuditEntry third = entries.get(2);
		entries.set(2, new AuditEntry(3, third.occurredAt(), "someone-else", third.origin(), third.action(), third.target(),
				third.details(), third.previousHash(), third.hash()));
		assertThat(HashChain.verify(entries, HashChain.GENESIS, 1)).get()
			.isEqualTo(new HashChain.Break(3, "content"));
	}

	@Test
	void aRecordRewrittenWithAFreshHashBreaksTheNextLink() {
		List<AuditEntry> entries = chain(5);
		AuditEntry second = entries.get(1);
		String forged = HashChain.hash(second.previousHash(), 2, second.occurredAt(), "forger", second.origin(),
				second.action(), second.target(), second.details());
		entries.set(1, new AuditEntry(2, second.occurredAt(), "forger", second.origin(), second.action(), second.target(),
				second.details(), second.previousHash(), forged));
		assertThat(HashChain.verify(entries, HashChain.GENESIS, 1)).get().isEqualTo(new HashChain.Break(3, "link"));
	}

	@Test
	void aDeletedRecordIsFound() {
		List<AuditEntry> entries = chain(5);
		entries.remove(3);
		assertThat(HashChain.verify(entries, HashChain.GENESIS, 1)).get().isEqualTo(new HashChain.Break(4, "missing"));
	}

}
