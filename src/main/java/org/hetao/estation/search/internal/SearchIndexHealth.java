package org.hetao.estation.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the search index is built. On a first start the platform is ready (it answers, and a search waits for the
 * index) before the index is: this says when that work, done after readiness, is finished. Part of the health group
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
		return index.firstBuildPending() ? Health.outOfService().withDetail("index", "building").build()
				: Health.up().build();
	}

}
