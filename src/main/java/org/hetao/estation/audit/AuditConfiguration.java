package org.hetao.estation.audit;

import org.hetao.estation.shared.CommandLineTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit module's command-line task. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	/**
	 * The verification command: {@code java -jar estation.jar --audit-verify} (or
	 * {@code mvn spring-boot:run -Dspring-boot.run.arguments=--audit-verify}) checks the whole chain, prints
	 * the result and exits with 0 when intact, 3 when broken: a record changed, unlinked or deleted, or a history that
	 * no longer matches a signed checkpoint in {@code estation.audit.checkpoint-dir} (rewritten). The checkpoint
	 * directory may be a copy kept elsewhere: point the property at it.
	 */
	@Bean
	CommandLineTask auditVerificationCommand(AuditLog auditLog) {
		return CommandLineTask.of("audit-verify", args -> verify(auditLog));
	}

	private static int verify(AuditLog auditLog) {
		auditLog.flush();
		AuditLog.Verification result = auditLog.verify();
		if (result.checkpoint() == null) {
			log.warn("No signed audit checkpoint found: the chain is checked only against itself.");
		}
		else {
			log.info("Checked against the signed checkpoint of {} (record {}).", result.checkpoint().at(),
					result.checkpoint().sequence());
		}
		if (result.valid()) {
			log.info("Audit log intact: {} records verified.", result.records());
		}
		else {
			log.error("Audit log BROKEN at record {} ({}); {} records read.", result.brokenAt(), result.reason(),
					result.records());
		}
		return result.valid() ? 0 : 3;
	}

}
