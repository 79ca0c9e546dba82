package org.hetao.estation.shared;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Implemented as a bean by every module that holds data about an applicant: the "my data" page gathers
 * the export from all of them and asks each to erase what may go. Each module decides, with the
 * retention rules it is given, what it must keep and says why.
 */
public interface PersonalDataContributor {

	/** The export section's name (the module's name), e.g. {@code casework}. */
	String section();

	/** Everything this module holds about the account, as JSON-friendly maps and lists, decrypted. */
	Map<String, Object> export(long accountId);

	/** Files for the ZIP download, e.g. uploaded documents, under {@code <section>/…}. */
	default List<Attachment> attachments(long accountId) {
		return List.of();
	}

	/** Erases or anonymises what may go; returns one outcome per category (erased or kept, and why). */
	List<Outcome> erase(long accountId, Retention retention);

	/** Contributors erase in ascending order; the account itself goes last, when it knows what stays open. */
	default int erasureOrder() {
		return 0;
	}

	/** The reason key of an outcome kept because something is still open (see {@link Retention#openMatters()}). */
	String OPEN = "privacy.reason.open";

	record Attachment(String path, Supplier<byte[]> content) {
	}

	enum Result {

		ERASED, KEPT, NONE

	}

	/**
	 * @param category a category code with a message {@code privacy.category.<category>}
	 * @param reasonKey message key of the reason (for KEPT: why; for ERASED: what was done), may take {@code args}
	 */
	record Outcome(String category, Result result, int count, String reasonKey, List<String> args) implements Serializable {

		public static Outcome erased(String category, int count) {
			return new Outcome(category, count == 0 ? Result.NONE : Result.ERASED, count,
					count == 0 ? "privacy.reason.none" : "privacy.reason.erased", List.of(String.valueOf(count)));
		}

		public static Outcome kept(String category, int count, String reasonKey, String... args) {
			return new Outcome(category, Result.KEPT, count, reasonKey, List.of(args));
		}

	}

	/** The retention rules (a data file of the privacy module) and the time of the request. */
	interface Retention {

		Instant now();

		/** The rule for a category, e.g. {@code caseDecided} → 30 years, archives rules. */
		Rule rule(String category);

		/** Whether a contributor asked before kept something still open (a case, an appointment): the account must stay reachable. */
		boolean openMatters();

	}

	/**
	 * @param years how long after closing the data is kept
	 * @param basisKey message key naming the legal basis
	 * @param illustrative whether the figure is illustrative (not legal advice)
	 */
	record Rule(String category, int years, String basisKey, boolean illustrative) implements Serializable {
	}

}
