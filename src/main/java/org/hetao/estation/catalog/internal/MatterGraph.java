package org.hetao.estation.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.hetao.estation.catalog.Matter;

/**
 * The dependency graph of a matter's items: a DAG (an item starts when everything it depends on is
 * approved). Finds cycles, orders the items, and measures the critical path.
 */
public final class MatterGraph {

	private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();

	public MatterGraph(Matter matter) {
		matter.items().forEach(i -> dependsOn.put(i.itemCode(), i.dependsOn()));
	}

	MatterGraph(Map<String, List<String>> dependsOn) {
		this.dependsOn.putAll(dependsOn);
	}

	/** A cycle as the list of item codes along it (first = last), if there is one. */
	public Optional<List<String>> cycle() {
		Map<String, Integer> state = new HashMap<>();
		for (String start : dependsOn.keySet()) {
			List<String> path = new ArrayList<>();
			Optional<List<String>> found = visit(start, state, path);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private Optional<List<String>> visit(String node, Map<String, Integer> state, List<String> path) {
		Integer s = state.get(node);
		if (s != null && s == 2) {
			return Optional.empty();
		}
		if (s != null && s == 1) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
			cycle.add(node);
			return Optional.of(cycle);
		}
		state.put(node, 1);
		path.add(node);
		for (String next : dependsOn.getOrDefault(node, List.of())) {
			if (dependsOn.containsKey(next)) {
				Optional<List<String>> found = visit(next, state, path);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		path.remove(path.size() - 1);
		state.put(node, 2);
		return Optional.empty();
	}

	/** The items in an order where every item comes after what it depends on; stable otherwise. */
	public List<String> order() {
		if (cycle().isPresent()) {
			throw new IllegalStateException("The matter's dependencies form a cycle");
		}
		Set<String> done = new LinkedHashSet<>();
		while (done.size() < dependsOn.size()) {
			for (var e : dependsOn.entrySet()) {
				if (!done.contains(e.getKey()) && e.getValue().stream().filter(dependsOn::containsKey).allMatch(done::contains)) {
					done.add(e.getKey());
				}
			}
		}
		return List.copyOf(done);
	}

	/** Whether {@code later} depends, directly or through others, on {@code earlier}. */
	public boolean dependsTransitively(String later, String earlier) {
		Set<String> seen = new LinkedHashSet<>();
		List<String> todo = new ArrayList<>(dependsOn.getOrDefault(later, List.of()));
		while (!todo.isEmpty()) {
			String next = todo.remove(todo.size() - 1);
			if (next.equals(earlier)) {
				return true;
			}
			if (seen.add(next)) {
				todo.addAll(dependsOn.getOrDefault(next, List.of()));
			}
		}
		return false;
	}

	/**
	 * The critical path: the chain of dependent items whose durations add up to the most, and that total.
	 * Items without dependencies run in parallel, so the total time of the matter is this sum.
	 */
	public CriticalPath criticalPath(ToIntFunction<String> duration) {
		Map<String, Integer> finish = new HashMap<>();
		Map<String, String> via = new HashMap<>();
		for (String item : order()) {
			int start = 0;
			String before = null;
			for (String dep : dependsOn.get(item)) {
				Integer f = finish.get(dep);
				if (f != null && f > start) {
					start = f;
					before = dep;
				}
				else if (f != null && before == null) {
					before = dep;
				}
			}
			finish.put(item, start + duration.applyAsInt(item));
			if (before != null) {
				via.put(item, before);
			}
		}
		String last = null;
		int total = 0;
		for (String item : order()) {
			if (last == null || finish.get(item) > total) {
				last = item;
				total = finish.get(item);
			}
		}
		List<String> path = new ArrayList<>();
		for (String at = last; at != null; at = via.get(at)) {
			path.add(0, at);
		}
		return new CriticalPath(List.copyOf(path), total);
	}

	/** The items along the longest chain, first to last, and their summed working days. */
	public record CriticalPath(List<String> items, int workingDays) {

		public boolean contains(String itemCode) {
			return items.contains(itemCode);
		}

	}

}
