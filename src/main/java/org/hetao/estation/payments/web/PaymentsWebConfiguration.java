package org.hetao.estation.payments.web;

import org.hetao.estation.shared.HttpAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PaymentsWebConfiguration {

	/**
	 * Providers' notifications are signed, not signed in: open to any caller, refused unless the signature checks.
	 * The sandbox's hosted page is the provider's, open as a provider's page is (its address is unguessable).
	 * Everything else needs a sign-in and the case's object-level check.
	 */
	@Bean
	HttpAccessRules paymentsRules() {
		return rules -> {
			rules.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/payments/providers/*/notifications")
				.permitAll();
			// the provider's settlement files are the books of money moved: staff who reconcile only (before the
			// hosted pages' permitAll, which would otherwise match them)
			rules.requestMatchers("/sandbox-pay/settlements/**").hasAnyRole("SUPERVISOR", "ADMIN");
			rules.requestMatchers("/sandbox-pay/**").permitAll();
			rules.requestMatchers("/payments/*/refund").hasRole("OFFICER");
			rules.requestMatchers("/api/v1/payments/**").authenticated();
			rules.requestMatchers("/payments/reconciliation", "/payments/reconciliation/**").hasAnyRole("SUPERVISOR", "ADMIN");
			rules.requestMatchers("/payments/window/**").hasRole("CLERK");
			rules.requestMatchers("/payments/waivers/**").hasAnyRole("OFFICER", "SUPERVISOR");
		};
	}

	/**
	 * A waiver is for the deciding department's officer or a supervisor — a supervisor, who has no other business
	 * under casework's {@code /api/v1/applications/**}: so this rule comes before casework's. Whose fee it is, is
	 * checked in the service.
	 */
	@Bean
	@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
	HttpAccessRules waiverRules() {
		return rules -> rules
			.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/applications/*/fees/*/waiver",
					"/payments/waivers/**")
			.hasAnyRole("OFFICER", "SUPERVISOR");
	}

	@Bean
	org.hetao.estation.shared.NavigationLink reconciliationLink() {
		return new org.hetao.estation.shared.NavigationLink("payments.nav.reconciliation", "/payments/reconciliation", 870,
				org.hetao.estation.shared.NavigationLink.Audience.SUPERVISOR);
	}

}
