package org.hetao.estation.privacy;

import org.hetao.estation.shared.CommandLineTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * The rotation command: {@code java -jar estation.jar --crypto-rotate} (batch size
 * {@code --crypto-rotate-batch=500}) re-encrypts all personal data under the active key, encrypts legacy
 * plaintext, prints the counts and exits with 0, or 4 when some values could not be read.
 */
@Component
class CryptoRotationCommand implements CommandLineTask {

	private static final Logger log = LoggerFactory.getLogger(CryptoRotationCommand.class);

	private final KeyRotation rotation;

	CryptoRotationCommand(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@Override
	public String option() {
		return "crypto-rotate";
	}

	@Override
	public int run(ApplicationArguments args) {
		int batch = args.containsOption("crypto-rotate-batch")
				? Integer.parseInt(args.getOptionValues("crypto-rotate-batch").get(0)) : 500;
		KeyRotation.Report report = rotation.rotate(batch);
		log.info("Crypto rotation done: {} values rewritten, {} unreadable.", report.total(), report.failed());
		return report.failed() == 0 ? 0 : 4;
	}

}
