package org.hetao.estation.policy.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.hetao.estation.shared.PublishedFaqs;

/**
 * The published questions and answers of each item and policy, kept for {@link #KEPT} after they are read: every
 * item guide page shows them, and reading them was the page's one database statement. Answers are only ever added
 * to a published FAQ, never changed or taken back. A publication on this node is seen at once (the desk calls
 * {@link #forget} once it has committed); one on another node within {@link #KEPT}. A read that raced a publication
 * is not kept, and at most {@value #MAX_SUBJECTS} subjects are (items and policies are a few hundred).
 */
final class FaqCache {

	static final Duration KEPT = Duration.ofSeconds(30);

	static final int MAX_SUBJECTS = 4096;

	private record Kept(List<PublishedFaqs.Entry> entries, long until) {
	}

	private final ConcurrentMap<String, Kept> kept = new ConcurrentHashMap<>();

	/** Moves on with every publication: a read that began before one is not kept. */
	private final AtomicLong publications = new AtomicLong();

	private final LongSupplier nanoTime;

	FaqCache(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	List<PublishedFaqs.Entry> get(String subjectType, String subjectCode, Supplier<List<PublishedFaqs.Entry>> read) {
		String key = subjectType + ':' + subjectCode;
		long now = nanoTime.getAsLong();
		Kept k = kept.get(key);
		if (k != null && now - k.until() < 0) {
			return k.entries();
		}
		long before = publications.get();
		List<PublishedFaqs.Entry> entries = List.copyOf(read.get());
		if (publications.get() == before) {
			if (kept.size() >= MAX_SUBJECTS) {
				kept.clear();
			}
			kept.put(key, new Kept(entries, now + KEPT.toNanos()));
		}
		return entries;
	}

	/** A subject's FAQ changed (committed): read it anew next time. */
	void forget(String subjectType, String subjectCode) {
		publications.incrementAndGet();
		kept.remove(subjectType + ':' + subjectCode);
	}

}
