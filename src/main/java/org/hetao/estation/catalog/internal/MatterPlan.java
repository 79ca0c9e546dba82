package org.hetao.estation.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;

/**
 * A matter laid out as a task list: its items in an order where each comes after what it depends on,
 * each with its stage (0 = can start at once) and whether it lies on the critical path, plus the total
 * promised time along that path.
 */
public record MatterPlan(Matter matter, List<Step> steps, List<String> criticalPath, int totalPromisedDays) {

	public record Step(int number, ServiceItem item, List<String> dependsOn, int stage, boolean critical) {
	}

	/** Lays out a matter; {@code items} finds an item by code (retired ones included). */
	public static MatterPlan of(Matter matter, Function<String, ServiceItem> items) {
		MatterGraph graph = new MatterGraph(matter);
		MatterGraph.CriticalPath path = graph.criticalPath(code -> {
			ServiceItem item = items.apply(code);
			return item == null ? 0 : item.promisedLimitDays();
		});
		Map<String, Integer> stage = new HashMap<>();
		List<String> order = graph.order();
		int[] number = { 0 };
		List<Step> steps = order.stream().map(code -> {
			List<String> deps = matter.item(code).map(Matter.MatterItem::dependsOn).orElse(List.of());
			int s = deps.stream().mapToInt(d -> stage.getOrDefault(d, 0) + 1).max().orElse(0);
			stage.put(code, s);
			return new Step(++number[0], items.apply(code), deps, s, path.contains(code));
		}).toList();
		return new MatterPlan(matter, steps, path.items(), path.workingDays());
	}

	/** The steps by stage: those that start at once, then those that wait for them, and so on. */
	public List<List<Step>> stages() {
		int last = steps.stream().mapToInt(Step::stage).max().orElse(-1);
		List<List<Step>> stages = new java.util.ArrayList<>();
		for (int i = 0; i <= last; i++) {
			int stage = i;
			stages.add(steps.stream().filter(st -> st.stage() == stage).toList());
		}
		return stages;
	}

	public Step step(String itemCode) {
		return steps.stream().filter(s -> s.item().code().equals(itemCode)).findFirst().orElseThrow();
	}

}
