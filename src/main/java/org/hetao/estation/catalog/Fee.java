package org.hetao.estation.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.shared.ApplicantType;
import org.hetao.estation.shared.Money;

/**
 * What an item costs, as its department's fee scale says (收費標準): an amount in minor units and a currency,
 * charged per application or per document or copy (the number read from an answer of the form), or by a
 * choice the applicant makes (e.g. a permit's validity); when it must be paid, and who does not pay.
 *
 * @param amount the fee in minor units (fen, cents) for one unit; with {@code byAnswer}, the amount when the
 *        answer is not in its table
 * @param currency {@code CNY} for a Mainland department, {@code HKD} for one in Hong Kong
 * @param basis what one unit is
 * @param quantityField for {@link Basis#PER_DOCUMENT} and {@link Basis#PER_COPY}: the form's number question
 *        that says how many
 * @param byAnswer optional: the amount by the answer to one of the form's choice questions
 * @param payBefore the point a task may not pass unpaid
 * @param dueAt when the fee falls due: when the window accepts the task (the default), or at submission
 * @param exemptions who does not pay
 */
public record Fee(long amount, String currency, Basis basis, String quantityField, AmountByAnswer byAnswer,
		PayPoint payBefore, DuePoint dueAt, Exemptions exemptions) {

	public Fee {
		basis = basis == null ? Basis.PER_APPLICATION : basis;
		payBefore = payBefore == null ? PayPoint.DECISION : payBefore;
		dueAt = dueAt == null ? DuePoint.ACCEPTANCE : dueAt;
		exemptions = exemptions == null ? Exemptions.NONE : exemptions;
	}

	/** What one unit of the fee is. */
	public enum Basis {

		PER_APPLICATION, PER_DOCUMENT, PER_COPY

	}

	/** The point in a task that an unpaid fee stops it before. */
	public enum PayPoint {

		/** before the department decides (the default) */
		DECISION,
		/** before the result is handed over */
		DELIVERY,
		/** paid at the window when the result is handed over */
		WINDOW_ON_DELIVERY

	}

	/** When the fee falls due and can be paid online. */
	public enum DuePoint {

		ACCEPTANCE, SUBMISSION

	}

	/** The amount by the answer to a choice question, e.g. a residence permit's validity. */
	public record AmountByAnswer(String field, Map<String, Long> amounts) {

		public AmountByAnswer {
			amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
		}

	}

	/** Who does not pay: applicant types, and applicants that a named policy (免收) covers. */
	public record Exemptions(Set<ApplicantType> applicantTypes, List<String> policies) {

		public static final Exemptions NONE = new Exemptions(Set.of(), List.of());

		public Exemptions {
			applicantTypes = applicantTypes == null ? Set.of() : Set.copyOf(applicantTypes);
			policies = policies == null ? List.of() : List.copyOf(policies);
		}

	}

	/** The fee when the choice question of {@code byAnswer} is answered so (for the guide's table). */
	public Money amountFor(String answer) {
		Long chosen = byAnswer == null ? null : byAnswer.amounts().get(answer);
		return Money.of(chosen == null ? amount : chosen, currency);
	}

	/** One unit's fee. */
	public Money unit() {
		return Money.of(amount, currency);
	}

	/**
	 * The fee of one application from its answers: the unit amount (by the chosen answer, where the fee says so)
	 * times the quantity the form gives (at least one). Empty when an answer the fee needs is missing or not a
	 * whole number — the form's own checks ask for it first.
	 */
	public Optional<Money> assess(Map<String, String> answers) {
		long unit = amount;
		if (byAnswer != null) {
			String chosen = answers.get(byAnswer.field());
			if (chosen == null || !byAnswer.amounts().containsKey(chosen)) {
				return Optional.empty();
			}
			unit = byAnswer.amounts().get(chosen);
		}
		long quantity = 1;
		if (basis != Basis.PER_APPLICATION) {
			String given = answers.get(quantityField);
			try {
				quantity = given == null ? -1 : Long.parseLong(given.strip());
			}
			catch (NumberFormatException notANumber) {
				return Optional.empty();
			}
			if (quantity < 1) {
				return Optional.empty();
			}
		}
		return Optional.of(Money.of(unit, currency).times(quantity));
	}

	/** Whether an applicant of this type, or covered by one of these policies, pays nothing. */
	public boolean exempts(ApplicantType type, Set<String> policiesHeld) {
		return exemptions.applicantTypes().contains(type)
				|| exemptions.policies().stream().anyMatch(policiesHeld::contains);
	}

}
