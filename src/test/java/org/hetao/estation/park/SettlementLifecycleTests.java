package org.hetao.estation.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hetao.estation.park.internal.BusinessPlanCheck;
import org.hetao.estation.park.internal.SettlementLifecycle;
import org.hetao.estation.park.internal.SettlementLifecycle.Step;
import org.hetao.estation.park.internal.SettlementState;
import org.hetao.estation.shared.Problem;
import org.junit.jupiter.api.Test;

/** The rules of settlement, without Spring: the order of steps, the deadlines, the business-plan check. */
class SettlementLifecycleTests {

	@Test
	void theHappyPathRunsFromSubmissionToAllocation() {
		SettlementState s = SettlementLifecycle.next(null, Step.SUBMIT);
		s = SettlementLifecycle.next(s, Step.REQUEST_MORE_INFORMATION);
		assertThat(s).isEqualTo(SettlementState.MORE_INFORMATION_REQUESTED);
		s = SettlementLifecycle.next(s, Step.SUPPLY_INFORMATION);
		s = SettlementLifecycle.next(s, Step.COMPLETE_SCREENING);
		s = SettlementLifecycle.next(s, Step.APPROVE);
		s = SettlementLifecycle.next(s, Step.ALLOCATE);
		assertThat(s).isEqualTo(SettlementState.ALLOCATED);
		assertThat(s.isFinal()).isTrue();
	}

	@Test
	void stepsOutOfOrderAreConflicts() {
		assertThatThrownBy(() -> SettlementLifecycle.next(SettlementState.SUBMITTED, Step.APPROVE))
			.isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.CONFLICT));
		assertThatThrownBy(() -> SettlementLifecycle.next(SettlementState.SCREENED, Step.ALLOCATE)).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> SettlementLifecycle.next(SettlementState.REJECTED, Step.APPROVE)).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> SettlementLifecycle.next(SettlementState.ALLOCATED, Step.ALLOCATE)).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> SettlementLifecycle.next(SettlementState.SUBMITTED, Step.SUBMIT)).isInstanceOf(Problem.class);
	}

	@Test
	void whoeverMustActHasWorkingDaysAndFinalStatesHaveNone() {
		assertThat(SettlementLifecycle.workingDaysIn(SettlementState.SUBMITTED)).contains(5);
		assertThat(SettlementLifecycle.workingDaysIn(SettlementState.SCREENED)).contains(10);
		assertThat(SettlementLifecycle.workingDaysIn(SettlementState.APPROVED)).contains(5);
		assertThat(SettlementLifecycle.workingDaysIn(SettlementState.REJECTED)).isEmpty();
		assertThat(SettlementLifecycle.workingDaysIn(SettlementState.ALLOCATED)).isEmpty();
		assertThat(Step.APPROVE.actor()).isEqualTo(SettlementLifecycle.Actor.COMMITTEE);
		assertThat(Step.ALLOCATE.actor()).isEqualTo(SettlementLifecycle.Actor.OPERATOR);
	}

	@Test
	void businessPlanIsJudgedByContentAndSize() {
		byte[] pdf = "%PDF-1.7\n".getBytes();
		assertThat(BusinessPlanCheck.check(1000, pdf)).isEqualTo(BusinessPlanCheck.Verdict.OK);
		assertThat(BusinessPlanCheck.check(1000, "PK\u0003\u0004 a zip".getBytes())).isEqualTo(BusinessPlanCheck.Verdict.NOT_PDF);
		assertThat(BusinessPlanCheck.check(3, "%PD".getBytes())).isEqualTo(BusinessPlanCheck.Verdict.NOT_PDF);
		assertThat(BusinessPlanCheck.check(0, new byte[0])).isEqualTo(BusinessPlanCheck.Verdict.EMPTY);
		assertThat(BusinessPlanCheck.check(BusinessPlanCheck.MAX_BYTES + 1, pdf)).isEqualTo(BusinessPlanCheck.Verdict.TOO_LARGE);
		assertThat(BusinessPlanCheck.check(BusinessPlanCheck.MAX_BYTES, pdf)).isEqualTo(BusinessPlanCheck.Verdict.OK);
	}

}
