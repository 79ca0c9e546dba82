package org.hetao.estation.audit;

import java.util.Map;

import org.hetao.estation.shared.Masking;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event a module publishes is a state change worth auditing: this records each one in the same
 * transaction as the change (written with the transaction's other records as it commits), with personal data masked — so modules need no audit
 * calls of their own. Sign-ins, failed sign-ins and sign-outs are recorded too.
 */
@Component
class DomainEventAuditor {

	private final AuditLog log;

	private final ObjectMapper json;

	DomainEventAuditor(AuditLog log, ObjectMapper json) {
		this.log = log;
		this.json = json;
	}

	@EventListener
	void on(Object event) {
		if (event instanceof InteractiveAuthenticationSuccessEvent success) {
			log.record(success.getAuthentication().getName(), AuditLog.currentOrigin(), "identity.SIGN_IN", null, null);
			return;
		}
		if (event instanceof AbstractAuthenticationFailureEvent failure) {
			log.record(String.valueOf(failure.getAuthentication().getName()), AuditLog.currentOrigin(),
					"identity.SIGN_IN_FAILED", null,
					json.writeValueAsString(Map.of("reason", failure.getException().getClass().getSimpleName())));
			return;
		}
		if (event instanceof LogoutSuccessEvent logout) {
			log.record(logout.getAuthentication().getName(), AuditLog.currentOrigin(), "identity.SIGN_OUT", null, null);
			return;
		}
		Class<?> type = event.getClass();
		if (!type.isRecord() || !type.getPackageName().startsWith("org.hetao.estation.")) {
			return;
		}
		String module = type.getPackageName().substring("org.hetao.estation.".length()).split("\\.")[0];
		JsonNode details = json.valueToTree(event);
		mask(details);
		log.record(module + "." + type.getSimpleName(), target(details), json.writeValueAsString(details));
	}

	/** A readable target from the event's identifying field, e.g. {@code receiptNumber:HT20261127-000123}. */
	private static String target(JsonNode details) {
		for (String key : new String[] { "subject", "receiptNumber", "caseId", "taskId", "code", "ticketNumber", "id" }) {
			JsonNode value = details.get(key);
			if (value != null && value.isValueNode()) {
				return key + ":" + value.asString();
			}
		}
		return null;
	}

	static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : java.util.List.copyOf(object.propertyNames())) {
				JsonNode child = object.get(name);
				if (child.isString() && Masking.isPersonalField(name)) {
					object.put(name, Masking.field(name, child.asString()));
				}
				else {
					mask(child);
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.forEach(DomainEventAuditor::mask);
		}
	}

}
