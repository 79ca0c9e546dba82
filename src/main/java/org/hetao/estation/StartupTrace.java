package org.hetao.estation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start went ({@code -Destation.startup.trace=true}): each step's own time, without the steps nested in it
 * (a bean's creation includes the beans it needs), so the lines add up to the start instead of counting a nested
 * bean once per level. README, "Start-up".
 */
final class StartupTrace {

	private StartupTrace() {
	}

	static void print(StartupTimeline timeline, PrintStream out) {
		List<TimelineEvent> events = timeline.getEvents();
		Map<Long, Duration> nested = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				nested.merge(parent, event.getDuration(), Duration::plus);
			}
		}
		events.stream()
			.map(e -> new Step(e, e.getDuration().minus(nested.getOrDefault(e.getStartupStep().getId(), Duration.ZERO))))
			.sorted(Comparator.comparing(Step::own).reversed())
			.limit(60)
			.forEach(s -> out.printf("startup own %6d ms (total %6d ms) %s %s%n", s.own().toMillis(),
					s.event().getDuration().toMillis(), s.event().getStartupStep().getName(), tag(s.event())));
	}

	private static String tag(TimelineEvent event) {
		for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
			return tag.getValue();
		}
		return "";
	}

	private record Step(TimelineEvent event, Duration own) {
	}

}
