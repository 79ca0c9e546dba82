package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every step of a case is one transaction: a public action of {@link TaskHandling}, {@link ApplicantActions} or
 * {@link DepartmentSystemActions} that returns the case is {@code @Transactional} (an action without one would
 * write outside a transaction, and its events — a decision for the certificates, a clock change for supervision —
 * would never reach their after-commit listeners; a merge once slid a method between an annotation and the action
 * it belonged to).
 */
class CaseworkTransactionsTests {

	/** The use cases that change a case. */
	static final List<Class<?>> STEPS = List.of(TaskHandling.class, ApplicantActions.class,
			DepartmentSystemActions.class);

	/** The reads among them: they return a case but change nothing. */
	static final Set<String> READS = Set.of("viewForDepartmentSystem");

	@Test
	void everyActionOnACaseIsOneTransaction() {
		List<String> without = STEPS.stream()
			.flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
			.filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == CaseView.class)
			.filter(m -> !READS.contains(m.getName()))
			.filter(m -> !m.isAnnotationPresent(Transactional.class))
			.map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
			.toList();
		assertThat(without).as("actions without @Transactional").isEmpty();
		assertThat(Arrays.stream(TaskHandling.class.getDeclaredMethods()).filter(m -> m.getName().equals("approve")
				&& Modifier.isPublic(m.getModifiers()))).allMatch(m -> m.isAnnotationPresent(Transactional.class));
	}

}
