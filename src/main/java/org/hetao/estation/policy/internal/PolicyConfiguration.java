package org.hetao.estation.policy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the policy library at start-up: a broken rule stops the application with the policy's code. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	@Bean
	PolicyLibrary policyLibrary() {
		return PolicyLibrary.load("/policy/policies.json");
	}

}
