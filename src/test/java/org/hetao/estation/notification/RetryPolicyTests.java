package org.hetao.estation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTests {

	RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofMinutes(1));

	Instant now = Instant.parse("2026-11-27T02:00:00Z");

	@Test
	void backsOffExponentiallyUpToTheCapThenGivesUp() {
		assertThat(policy.nextAttempt(1, now)).isEqualTo(now.plusSeconds(30));
		assertThat(policy.nextAttempt(2, now)).isEqualTo(now.plusSeconds(60));
		assertThat(policy.nextAttempt(3, now)).as("capped").isEqualTo(now.plusSeconds(60));
		assertThat(policy.nextAttempt(4, now)).as("no attempts left").isNull();
	}

}
