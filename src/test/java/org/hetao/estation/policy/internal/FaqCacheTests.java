package org.hetao.estation.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.PublishedFaqs;
import org.junit.jupiter.api.Test;

/** The published FAQs kept for the item and policy pages: how long, per subject, and what a publication does. */
class FaqCacheTests {

	final AtomicLong now = new AtomicLong(1_000);

	final FaqCache cache = new FaqCache(now::get);

	final List<PublishedFaqs.Entry> published = new ArrayList<>();

	final AtomicInteger reads = new AtomicInteger();

	List<PublishedFaqs.Entry> read() {
		reads.incrementAndGet();
		return List.copyOf(published);
	}

	static PublishedFaqs.Entry entry(String question) {
		return new PublishedFaqs.Entry(question, "answer", Language.EN);
	}

	@Test
	void aSubjectsFaqIsReadOnceAndKeptForThirtySeconds() {
		published.add(entry("q1"));
		assertThat(cache.get("ITEM", "TAX-001", this::read)).extracting(PublishedFaqs.Entry::question).containsExactly("q1");
		published.add(entry("q2"));
		now.addAndGet(FaqCache.KEPT.toNanos() - 1);
		assertThat(cache.get("ITEM", "TAX-001", this::read)).as("kept: another node's publication not seen yet")
			.hasSize(1);
		assertThat(reads).hasValue(1);
		now.addAndGet(1);
		assertThat(cache.get("ITEM", "TAX-001", this::read)).as("after 30 s read anew").hasSize(2);
		assertThat(reads).hasValue(2);
	}

	@Test
	void subjectsAreKeptApartAndAPublicationHereIsSeenAtOnce() {
		published.add(entry("q1"));
		cache.get("ITEM", "TAX-001", this::read);
		assertThat(cache.get("POLICY", "TAX-001", () -> List.of())).as("a policy of the same code is another subject").isEmpty();
		published.add(entry("q2"));
		cache.forget("ITEM", "TAX-001");
		assertThat(cache.get("ITEM", "TAX-001", this::read)).hasSize(2);
		assertThat(reads).hasValue(2);
	}

	@Test
	void aReadThatRacedAPublicationIsNotKept() {
		published.add(entry("q1"));
		List<PublishedFaqs.Entry> raced = cache.get("ITEM", "TAX-001", () -> {
			List<PublishedFaqs.Entry> before = read();
			// the publication commits while this read is under way
			published.add(entry("q2"));
			cache.forget("ITEM", "TAX-001");
			return before;
		});
		assertThat(raced).hasSize(1);
		assertThat(cache.get("ITEM", "TAX-001", this::read)).as("the raced read was not kept").hasSize(2);
	}

	@Test
	void noMoreSubjectsAreKeptThanTheBound() {
		for (int i = 0; i <= FaqCache.MAX_SUBJECTS; i++) {
			cache.get("ITEM", "X-" + i, this::read);
		}
		int before = reads.get();
		cache.get("ITEM", "X-0", this::read);
		assertThat(reads.get()).as("the first subjects were let go when the bound was reached").isEqualTo(before + 1);
		cache.get("ITEM", "X-" + FaqCache.MAX_SUBJECTS, this::read);
		assertThat(reads.get()).as("the latest is kept").isEqualTo(before + 1);
	}

}
