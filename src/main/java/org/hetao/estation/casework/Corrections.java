package org.hetao.estation.casework;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a case's correction notices ask of the applicant (一次性告知): the items waiting for a correction, and the
 * materials their notices ask for, each once, in the order asked. Plain Java, the rule behind the correction form.
 */
public final class Corrections {

	private Corrections() {
	}

	/** The items waiting for the applicant's correction, in the case's order. */
	public static List<TaskView> waiting(List<? extends TaskView> tasks) {
		return tasks.stream().filter(t -> t.status() == TaskStatus.CORRECTION_REQUESTED).map(TaskView.class::cast).toList();
	}

	/**
	 * The codes of the materials the waiting items' notices ask for: each once though two items ask for it (one
	 * upload answers both), in the order asked; a point about an answer or a free-text point asks for no material.
	 */
	public static List<String> materialsAsked(List<? extends TaskView> tasks) {
		Set<String> codes = new LinkedHashSet<>();
		waiting(tasks).forEach(t -> t.deficiencies()
			.stream()
			.map(Deficiency::materialCode)
			.filter(Objects::nonNull)
			.forEach(codes::add));
		return List.copyOf(codes);
	}

}
