package org.hetao.estation.shared;

import java.util.List;

/**
 * The questions a department answered and published to the FAQ of what they were about (an item of the
 * catalogue, a policy): kept by the module that keeps consultations, shown on the subject's own page by the
 * module that keeps the subject, which need not know where they come from.
 */
public interface PublishedFaqs {

	/** A published question and its answer, in the language they were written in. */
	record Entry(String question, String answer, Language language) {
	}

	/**
	 * @param subjectType {@code ITEM} or {@code POLICY}
	 * @return the subject's published questions, the oldest first
	 */
	List<Entry> of(String subjectType, String subjectCode);

}
