package org.hetao.estation.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MatterGraphTests {

	static MatterGraph graph(Object... codeThenDeps) {
		Map<String, List<String>> deps = new LinkedHashMap<>();
		for (int i = 0; i < codeThenDeps.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> d = (List<String>) codeThenDeps[i + 1];
			deps.put((String) codeThenDeps[i], d);
		}
		return new MatterGraph(deps);
	}

	@Test
	void findsTheCriticalPathAsTheLongestChainOfPromisedDays() {
		// register (3) -> tax (1) -> bank (2) = 6 ; register (3) -> customs (5) = 8
		MatterGraph g = graph("register", List.of(), "tax", List.of("register"), "customs", List.of("register"), "bank",
				List.of("tax"));
		Map<String, Integer> days = Map.of("register", 3, "tax", 1, "customs", 5, "bank", 2);
		MatterGraph.CriticalPath path = g.criticalPath(days::get);
		assertThat(path.items()).containsExactly("register", "customs");
		assertThat(path.workingDays()).isEqualTo(8);
	}

	@Test
	void independentItemsRunInParallel() {
		MatterGraph g = graph("a", List.of(), "b", List.of(), "c", List.of());
		assertThat(g.criticalPath(Map.of("a", 2, "b", 7, "c", 4)::get).workingDays()).isEqualTo(7);
	}

	@Test
	void ordersEveryItemAfterWhatItDependsOn() {
		MatterGraph g = graph("bank", List.of("tax"), "tax", List.of("register"), "register", List.of());
		assertThat(g.order()).containsExactly("register", "tax", "bank");
		assertThat(g.dependsTransitively("bank", "register")).isTrue();
		assertThat(g.dependsTransitively("register", "bank")).isFalse();
	}

	@Test
	void findsACycleAndNamesItsItems() {
		MatterGraph g = graph("a", List.of("c"), "b", List.of("a"), "c", List.of("b"), "d", List.of());
		assertThat(g.cycle()).get().asList().contains("a", "b", "c").doesNotContain("d");
		assertThatThrownBy(g::order).isInstanceOf(IllegalStateException.class);
		assertThat(graph("a", List.of("a")).cycle()).isPresent();
		assertThat(graph("a", List.of(), "b", List.of("a")).cycle()).isEmpty();
	}

}
