package org.hetao.estation.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The rotation command: {@code java -jar estation.jar --crypto-rotate} (batch size
 * {@code --crypto-rotate-batch=500}) re-encrypts all personal data under the active key, encrypts legacy
 * plaintext, prints the counts and exits with 0, or 4 when some values could not be read.
 */
@Component
class CryptoRotationCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CryptoRotationCommand.class);

	private final KeyRotation rotation;

	private final ConfigurableApplicationContext context;

	CryptoRotationCommand(KeyRotation rotation, ConfigurableApplicationContext context) {
		this.rotation = rotation;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("crypto-rotate")) {
			return;
		}
		int batch = args.containsOption("crypto-rotate-batch")
				? Integer.parseInt(args.getOptionValues("crypto-rotate-batch").get(0)) : 500;
		KeyRotation.Report report = rotation.rotate(batch);
		log.info("Crypto rotation done: {} values rewritten, {} unreadable.", report.total(), report.failed());
		int code = report.failed() == 0 ? 0 : 4;
		System.exit(SpringApplication.exit(context, () -> code));
	}

}
