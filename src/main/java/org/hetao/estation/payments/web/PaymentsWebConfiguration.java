package org.hetao.estation.payments.web;

import org.hetao.estation.identity.ModuleWeb;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.NavigationLink.Audience;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class PaymentsWebConfiguration {

	/**
	 * Providers' notifications are signed, not signed in: open to any caller, refused unless the signature checks.
	 * The sandbox's hosted page is the provider's, open as a provider's page is (its address is unguessable).
	 * Everything else needs a sign-in and the case's object-level check.
	 */
	@Bean
	ModuleWeb paymentsWeb() {
		return ModuleWeb.rules()
			.post("/api/v1/payments/providers/*/notifications").permitAll()
			// the provider's settlement files are the books of money moved: staff who reconcile only (before the
			// hosted pages' permitAll, which would otherwise match them)
			.paths("/sandbox-pay/settlements/**").hasRole(Role.SUPERVISOR, Role.ADMIN)
			.paths("/sandbox-pay/**").permitAll()
			.paths("/payments/*/refund").hasRole(Role.OFFICER)
			.paths("/api/v1/payments/**").authenticated()
			.paths("/payments/reconciliation", "/payments/reconciliation/**").hasRole(Role.SUPERVISOR, Role.ADMIN)
			.paths("/payments/window/**").hasRole(Role.CLERK)
			.paths("/payments/waivers/**").hasRole(Role.OFFICER, Role.SUPERVISOR)
			.link("payments.nav.reconciliation", "/payments/reconciliation", 870, Audience.SUPERVISOR);
	}

	/**
	 * A waiver is for the deciding department's officer or a supervisor — a supervisor, who has no other business
	 * under casework's {@code /api/v1/applications/**}: so this rule comes before casework's. Whose fee it is, is
	 * checked in the service.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ModuleWeb waiverWeb() {
		return ModuleWeb.rules()
			.post("/api/v1/applications/*/fees/*/waiver", "/payments/waivers/**")
			.hasRole(Role.OFFICER, Role.SUPERVISOR);
	}

}
