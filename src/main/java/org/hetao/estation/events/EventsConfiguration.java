package org.hetao.estation.events;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/** Finds the handlers as the beans are made: static, so that it is ready before them. */
	@Bean
	static AfterCommitHandlers afterCommitHandlers() {
		return new AfterCommitHandlers();
	}

	@Bean
	EventLog eventLog(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json, PersonalDataCipher cipher) {
		return new EventLog(jdbc, batches, json, cipher);
	}

	/** For the key rotation job: the log's payloads are encrypted personal data. */
	@Bean
	EncryptedColumn eventLogPayload() {
		return EventLog.PAYLOAD;
	}

	@Bean
	EventWorker eventWorker(EventLog log, AfterCommitHandlers handlers, PlatformTransactionManager transactions,
			Clock clock, MeterRegistry meters, @Value("${estation.events.inline:false}") boolean inline,
			@Value("${estation.events.worker:true}") boolean working,
			@Value("${estation.events.gather:PT0.05S}") java.time.Duration gather) {
		return new EventWorker(log, handlers, transactions, clock, meters, inline, working, gather);
	}

}
