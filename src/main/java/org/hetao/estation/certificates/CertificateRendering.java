package org.hetao.estation.certificates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that render and sign e-certificates after a decision commits: a few (rendering is CPU work,
 * and more threads than cores only make each certificate slower), holding no database connection while
 * they work. The queue is bounded; when it is full the committing thread renders the certificate itself,
 * which slows the deciders down instead of piling up work in memory. A certificate whose rendering was
 * lost with the process is issued again from the event publication registry at the next start.
 */
@Configuration(proxyBeanMethods = false)
class CertificateRendering {

	static final String EXECUTOR = "certificateRenderingExecutor";

	@Bean(name = EXECUTOR)
	ThreadPoolTaskExecutor certificateRenderingExecutor(@Value("${estation.certificates.rendering-threads:2}") int threads,
			@Value("${estation.certificates.rendering-queue:1000}") int queue) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("certificate-");
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queue);
		executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
