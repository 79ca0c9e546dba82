package org.hetao.estation.notification;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmsProvider.class)
	SmsProvider logSmsProvider(JdbcClient jdbc, Clock clock) {
		return new LogSmsProvider(jdbc, clock);
	}

	@Bean
	RetryPolicy notificationRetryPolicy(@Value("${estation.notification.max-attempts:6}") int maxAttempts,
			@Value("${estation.notification.backoff:PT30S}") Duration base,
			@Value("${estation.notification.max-backoff:PT1H}") Duration max) {
		return new RetryPolicy(maxAttempts, base, max);
	}

}
