package org.hetao.estation.policy.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the policy library at start-up: a broken rule stops the application with the policy's code. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	static final String LOCATION = "/policy/policies.json";

	/**
	 * Compiling the rules takes about a second (CEL), on the start-up's critical path if done when the bean is
	 * made. It starts on a thread of its own as soon as this class is loaded, early in the context's start, and
	 * the bean waits for it; a broken rule still stops the start, with the same message.
	 */
	private static final CompletableFuture<PolicyLibrary> COMPILING = CompletableFuture.supplyAsync(() -> PolicyLibrary.load(LOCATION));

	@Bean
	PolicyLibrary policyLibrary() {
		try {
			return COMPILING.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

}
