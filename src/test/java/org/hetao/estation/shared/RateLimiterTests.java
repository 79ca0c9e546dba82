package org.hetao.estation.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimiterTests {

	Instant now = Instant.parse("2026-11-27T02:00:00Z");

	Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	};

	@Test
	void aClientMayBurstItsMinutesAllowanceThenWaitsForTheRefill() {
		RateLimiter limiter = new RateLimiter(6, clock);
		for (int i = 0; i < 6; i++) {
			assertThat(limiter.take("ip:10.0.0.1")).as("request %d", i + 1).isZero();
		}
		assertThat(limiter.take("ip:10.0.0.1")).as("one token every 10 s").isEqualTo(Duration.ofSeconds(10));
		assertThat(limiter.take("ip:10.0.0.2")).as("another client").isZero();
		now = now.plusSeconds(4);
		assertThat(limiter.take("ip:10.0.0.1")).isEqualTo(Duration.ofSeconds(6));
		now = now.plusSeconds(6);
		assertThat(limiter.take("ip:10.0.0.1")).as("refilled continuously").isZero();
		assertThat(limiter.take("ip:10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void peekingTakesNothing() {
		RateLimiter limiter = new RateLimiter(1, clock);
		assertThat(limiter.peek("a")).isZero();
		assertThat(limiter.peek("a")).isZero();
		assertThat(limiter.take("a")).isZero();
		assertThat(limiter.peek("a")).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void remembersAtMostItsNumberOfKeysForgettingTheLeastRecentlyUsed() {
		RateLimiter limiter = new RateLimiter(1, 2, clock);
		limiter.take("a");
		limiter.take("b");
		limiter.take("a");
		limiter.take("c");
		assertThat(limiter.keys()).isEqualTo(2);
		assertThat(limiter.peek("a")).as("used recently: kept, still empty").isPositive();
		assertThat(limiter.peek("b")).as("forgotten: a full bucket again").isZero();
	}

	@Test
	void refusesWith429AndRetryAfterInWholeSecondsAtLeastOne() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		RateLimiter.refuse(response, Duration.ofMillis(20_500));
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).isEqualTo("20");
		MockHttpServletResponse soon = new MockHttpServletResponse();
		RateLimiter.refuse(soon, Duration.ofMillis(300));
		assertThat(soon.getHeader("Retry-After")).isEqualTo("1");
	}

	@Test
	void needsAPositiveRate() {
		assertThatThrownBy(() -> new RateLimiter(0, clock)).isInstanceOf(IllegalArgumentException.class);
	}

}
