package org.hetao.estation.casework;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CorrectionsTests {

	@Test
	void onlyTheItemsWaitingForACorrectionAreAsked() {
		TaskView waiting = task(TaskStatus.CORRECTION_REQUESTED, Deficiency.material("ID_COPY"));
		TaskView accepted = task(TaskStatus.ACCEPTED, Deficiency.material("LICENCE"));

		assertThat(Corrections.waiting(List.of(accepted, waiting))).containsExactly(waiting);
		assertThat(Corrections.materialsAsked(List.of(accepted, waiting))).containsExactly("ID_COPY");
	}

	@Test
	void aMaterialTwoItemsAskForIsAskedOnceInTheOrderAsked() {
		TaskView first = task(TaskStatus.CORRECTION_REQUESTED, Deficiency.material("PLAN"), Deficiency.material("ID_COPY"));
		TaskView second = task(TaskStatus.CORRECTION_REQUESTED, Deficiency.material("ID_COPY"),
				new Deficiency(null, "the address is incomplete", "address"), new Deficiency(null, "sign page 2"));

		assertThat(Corrections.materialsAsked(List.of(first, second))).containsExactly("PLAN", "ID_COPY");
	}

	@Test
	void nothingIsAskedOfACaseWithoutACorrectionNotice() {
		assertThat(Corrections.materialsAsked(List.of(task(TaskStatus.SUBMITTED)))).isEmpty();
		assertThat(Corrections.waiting(List.of())).isEmpty();
	}

	private static TaskView task(TaskStatus status, Deficiency... deficiencies) {
		TaskView task = mock(TaskView.class);
		when(task.status()).thenReturn(status);
		when(task.deficiencies()).thenReturn(List.of(deficiencies));
		return task;
	}

}
