package org.hetao.estation.certificates.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class VerificationRateLimitTests {

	static MockHttpServletRequest request(String method, String path, String number, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (number != null) {
			request.setParameter("number", number);
		}
		request.setRemoteAddr(address);
		return request;
	}

	int status(VerificationRateLimit limit, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

	@Test
	void lookupsAndUploadsOverTheLimitGet429PerAddressAndRecoverWithTime() throws Exception {
		Instant start = Instant.parse("2026-11-27T02:00:00Z");
		Instant[] now = { start };
		Clock clock = new Clock() {

			@Override
			public Instant instant() {
				return now[0];
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
		VerificationRateLimit limit = new VerificationRateLimit(3, clock);
		assertThat(status(limit, request("GET", "/api/v1/certificates/HTC-2026-AAAAAAAAAAA", null, "10.0.0.1"))).isEqualTo(200);
		assertThat(status(limit, request("POST", "/api/v1/certificates/verify", null, "10.0.0.1"))).isEqualTo(200);
		assertThat(status(limit, request("GET", "/verify", "HTC", "10.0.0.1"))).isEqualTo(200);
		MockHttpServletResponse over = new MockHttpServletResponse();
		limit.doFilter(request("POST", "/verify", null, "10.0.0.1"), over, new MockFilterChain());
		assertThat(over.getStatus()).isEqualTo(429);
		assertThat(over.getHeader("Retry-After")).isNotBlank();
		assertThat(status(limit, request("GET", "/verify", "HTC", "10.0.0.2"))).as("another address").isEqualTo(200);
		assertThat(status(limit, request("GET", "/verify", null, "10.0.0.1"))).as("the empty form is not a verification")
			.isEqualTo(200);
		now[0] = start.plusSeconds(20);
		assertThat(status(limit, request("GET", "/verify", "HTC", "10.0.0.1"))).as("a token back after 20 s at 3 a minute")
			.isEqualTo(200);
		assertThat(status(limit, request("GET", "/verify", "HTC", "10.0.0.1"))).as("and only one").isEqualTo(429);
	}

	@Test
	void onlyVerificationRequestsCount() {
		assertThat(VerificationRateLimit.isVerification(request("GET", "/api/v1/certificates/HTC-1", null, "a"))).isTrue();
		assertThat(VerificationRateLimit.isVerification(request("POST", "/api/v1/certificates/HTC-1/revocation", null, "a"))).isFalse();
		assertThat(VerificationRateLimit.isVerification(request("GET", "/certificates/HTC-1.pdf", null, "a"))).isFalse();
		assertThat(VerificationRateLimit.isVerification(request("GET", "/verify", null, "a"))).isFalse();
	}

}
