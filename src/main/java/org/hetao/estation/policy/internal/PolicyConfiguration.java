package org.hetao.estation.policy.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the policy library at start-up: a broken rule stops the application with the policy's code. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	static final String LOCATION = "/policy/policies.json";

	/**
	 * Compiling the rules takes about a second (CEL). It starts on a thread of its own as soon as this class is
	 * loaded, early in the context's start, and the bean is handed out at once: the rest of the context is made
	 * meanwhile (README, "Start-up"). A method of the library called before the compilation is over waits for it.
	 */
	private static final PolicyLibrary COMPILING = PolicyLibrary.loadInBackground(LOCATION);

	@Bean
	PolicyLibrary policyLibrary() {
		return COMPILING;
	}

	/**
	 * The end of the context's start waits for the compilation (before the web server starts and long before
	 * readiness): a broken rule still stops the start, with the same message, and the first request finds the
	 * rules compiled.
	 */
	@Bean
	SmartInitializingSingleton policyLibraryCompiled(PolicyLibrary policyLibrary) {
		return policyLibrary::await;
	}

}
