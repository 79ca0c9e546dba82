package org.hetao.estation.park.internal;

import java.util.Map;
import java.util.Optional;

import org.hetao.estation.shared.Problem;

/**
 * The rules of a settlement application: which step may follow which, who acts, and how many working
 * days the next actor has. No Spring, no SQL.
 */
public final class SettlementLifecycle {

	/** A step and the state it leads to. */
	public enum Step {

		SUBMIT(null, SettlementState.SUBMITTED, Actor.APPLICANT),
		REQUEST_MORE_INFORMATION(SettlementState.SUBMITTED, SettlementState.MORE_INFORMATION_REQUESTED, Actor.OPERATOR),
		SUPPLY_INFORMATION(SettlementState.MORE_INFORMATION_REQUESTED, SettlementState.SUBMITTED, Actor.APPLICANT),
		COMPLETE_SCREENING(SettlementState.SUBMITTED, SettlementState.SCREENED, Actor.OPERATOR),
		APPROVE(SettlementState.SCREENED, SettlementState.APPROVED, Actor.COMMITTEE),
		REJECT(SettlementState.SCREENED, SettlementState.REJECTED, Actor.COMMITTEE),
		ALLOCATE(SettlementState.APPROVED, SettlementState.ALLOCATED, Actor.OPERATOR);

		private final SettlementState from;

		private final SettlementState to;

		private final Actor actor;

		Step(SettlementState from, SettlementState to, Actor actor) {
			this.from = from;
			this.to = to;
			this.actor = actor;
		}

		public SettlementState from() {
			return from;
		}

		public SettlementState to() {
			return to;
		}

		public Actor actor() {
			return actor;
		}

		public String messageKey() {
			return "park.step." + name();
		}

	}

	/** Who takes a step. */
	public enum Actor {
		APPLICANT, OPERATOR, COMMITTEE
	}

	/** Working days the next actor has, by the state they must act in (Mainland calendar: the park is in Shenzhen). */
	static final Map<SettlementState, Integer> WORKING_DAYS = Map.of(SettlementState.SUBMITTED, 5,
			SettlementState.MORE_INFORMATION_REQUESTED, 10, SettlementState.SCREENED, 10, SettlementState.APPROVED, 5);

	private SettlementLifecycle() {
	}

	/** The state after {@code step}; a conflict when the step does not apply to {@code current}. */
	public static SettlementState next(SettlementState current, Step step) {
		if (current != step.from()) {
			throw Problem.conflict("park.error.illegalStep", step.name(), current == null ? "-" : current.name());
		}
		return step.to();
	}

	/** How long the next actor has in {@code state}; empty when nobody has to act. */
	public static Optional<Integer> workingDaysIn(SettlementState state) {
		return Optional.ofNullable(WORKING_DAYS.get(state));
	}

}
