package org.hetao.estation.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every step of a case is one transaction: a public action of {@link CaseHandling} that returns the case is
 * {@code @Transactional} (an action without one would write outside a transaction, and its events — a decision
 * for the certificates, a clock change for supervision — would never reach their after-commit listeners; a merge
 * once slid a method between an annotation and the action it belonged to).
 */
class CaseHandlingTransactionsTests {

	/** The reads: they return a case but change nothing. */
	static final Set<String> READS = Set.of("view", "viewByReceipt", "viewTask", "viewForDepartmentSystem", "mine",
			"search", "windowInTray");

	@Test
	void everyActionOnACaseIsOneTransaction() {
		List<String> without = Arrays.stream(CaseHandling.class.getDeclaredMethods())
			.filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == CaseView.class)
			.filter(m -> !READS.contains(m.getName()))
			.filter(m -> !m.isAnnotationPresent(Transactional.class))
			.map(Method::getName)
			.toList();
		assertThat(without).as("actions without @Transactional").isEmpty();
		assertThat(Arrays.stream(CaseHandling.class.getDeclaredMethods()).filter(m -> m.getName().equals("approve")
				&& Modifier.isPublic(m.getModifiers()))).allMatch(m -> m.isAnnotationPresent(Transactional.class));
	}

}
