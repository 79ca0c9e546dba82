package org.hetao.estation.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.hetao.estation.shared.PlatformSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chain, kept outside the database (#21): the chain's head (sequence number and
 * hash) and the time, signed with the platform's signing key and written as a small file into
 * {@code estation.audit.checkpoint-dir} (default {@code ./data/audit-checkpoints}; in production a directory the
 * database's administrators cannot write, e.g. a mounted WORM share or one that is copied off the host). Someone
 * who can rewrite the whole chain in the database, recomputing every hash, cannot make the rewritten chain match a
 * checkpoint taken before, nor sign a new one.
 */
@Component
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	static final String FORMAT = "estation-audit-checkpoint-v1";

	private final Path directory;

	private final PlatformSignature signature;

	AuditCheckpoints(@Value("${estation.audit.checkpoint-dir:./data/audit-checkpoints}") Path directory,
			PlatformSignature signature) {
		this.directory = directory;
		this.signature = signature;
	}

	/** Signs and writes a checkpoint of this chain head. */
	AuditCheckpoint write(long sequence, String hash, Instant at) {
		byte[] signed = signature.sign(payload(sequence, hash, at));
		Properties p = new Properties();
		p.setProperty("format", FORMAT);
		p.setProperty("sequence", Long.toString(sequence));
		p.setProperty("hash", hash);
		p.setProperty("time", at.toString());
		p.setProperty("algorithm", signature.algorithm());
		p.setProperty("signature", Base64.getEncoder().encodeToString(signed));
		String name = String.format("checkpoint-%015d-%d.properties", sequence, at.toEpochMilli());
		try {
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, "checkpoint-", ".tmp");
			try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				p.store(out, "Hetao e-Station audit chain checkpoint: verify with --audit-verify");
			}
			try {
				Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the audit checkpoint into " + directory.toAbsolutePath(), e);
		}
		log.info("Audit checkpoint written: record {} at {} ({})", sequence, at, directory.resolve(name));
		return new AuditCheckpoint(sequence, hash, at, true, name);
	}

	/** Every checkpoint in the directory, oldest first (by sequence, then time); unreadable files count as forged. */
	List<AuditCheckpoint> all() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<AuditCheckpoint> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("checkpoint-.*\\.properties")).toList()) {
				found.add(read(file));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the audit checkpoints in " + directory.toAbsolutePath(), e);
		}
		found.sort(Comparator.comparingLong(AuditCheckpoint::sequence).thenComparing(AuditCheckpoint::at));
		return found;
	}

	private AuditCheckpoint read(Path file) {
		String name = file.getFileName().toString();
		Properties p = new Properties();
		try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
			long sequence = Long.parseLong(p.getProperty("sequence"));
			String hash = p.getProperty("hash");
			Instant at = Instant.parse(p.getProperty("time"));
			boolean valid = FORMAT.equals(p.getProperty("format")) && hash != null
					&& signature.verify(payload(sequence, hash, at), Base64.getDecoder().decode(p.getProperty("signature")));
			return new AuditCheckpoint(sequence, hash, at, valid, name);
		}
		catch (IOException | RuntimeException unreadable) {
			return new AuditCheckpoint(Long.MAX_VALUE, "", Instant.EPOCH, false, name);
		}
	}

	Path directory() {
		return directory;
	}

	/** What is signed: the format, the head's sequence number and hash, and the time. */
	static byte[] payload(long sequence, String hash, Instant at) {
		return (FORMAT + "\n" + sequence + "\n" + hash + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
