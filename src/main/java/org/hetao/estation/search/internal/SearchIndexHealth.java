package org.hetao.estation.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the search index's start-up check is over: the index built when missing, rebuilt when the data it was built
 * from changed, or kept. The platform is ready (it answers, and a search waits for a missing index) before that: this
 * says when that work, done after readiness, is finished. Part of the health group
 * {@code platform} ({@code /actuator/health/platform}), which is UP once the platform is fully ready, not only
 * accepting traffic (readiness); out of service meanwhile.
 */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {

	private final LuceneSearchIndex index;

	SearchIndexHealth(LuceneSearchIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		if (!index.startupCheckPending()) {
			return Health.up().build();
		}
		return Health.outOfService().withDetail("index", index.firstBuildPending() ? "building" : "checking").build();
	}

}
