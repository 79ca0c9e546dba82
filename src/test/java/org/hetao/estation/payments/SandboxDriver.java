package org.hetao.estation.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hetao.estation.payments.internal.SandboxPayments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The payment tests playing the sandbox provider: its references, its signed notifications, and a fee's status. */
record SandboxDriver(MockMvcTester mvc, SandboxPayments sandbox, JdbcClient jdbc, ObjectMapper json) {

	/** The sandbox's reference of a payment, from its {@code nextUrl}. */
	static String ref(JsonNode payment) {
		return payment.get("nextUrl").asString().substring("/sandbox-pay/".length());
	}

	/** A notification's body as the sandbox writes it (Hong Kong dollars: LEG-001's fee). */
	String notification(String ref, String outcome, long amount) {
		return json.writeValueAsString(Map.of("eventId", "evt_" + UUID.randomUUID(), "ref", ref, "outcome", outcome,
				"amount", amount, "currency", "HKD"));
	}

	/** Posts a body to the platform signed by the sandbox at the given time. */
	MvcTestResult notify(String body, Instant at) {
		SandboxPayments.Signed signed = sandbox.sign(body, at);
		var request = mvc.post()
			.uri("/api/v1/payments/providers/sandbox/notifications")
			.contentType(MediaType.APPLICATION_JSON)
			.content(signed.body());
		for (var h : signed.headers().entrySet()) {
			request = request.header(h.getKey(), h.getValue());
		}
		return request.exchange();
	}

	String feeStatus(long taskId) {
		return jdbc.sql("select status from payments_fee_line where task_id = :t")
			.param("t", taskId)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	/** The task's fee status once it is {@code wanted}, or as it stands after 30 s (fees are assessed after commit). */
	String awaitFeeStatus(long taskId, String wanted) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String status = feeStatus(taskId);
		while (!wanted.equals(status) && System.nanoTime() < until) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			status = feeStatus(taskId);
		}
		return status;
	}

}
