package org.hetao.estation.park.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Business plans are files under {@code estation.storage.root}/park/business-plans, never in the database. */
@Component
public class BusinessPlans {

	private final Path directory;

	public BusinessPlans(@Value("${estation.storage.root}") Path root) {
		this.directory = root.resolve("park").resolve("business-plans");
	}

	/** Stores the content and returns its key (a random name: nothing the user sent becomes a path). */
	public String store(InputStream content) throws IOException {
		Files.createDirectories(directory);
		String key = UUID.randomUUID() + ".pdf";
		Path target = directory.resolve(key);
		Path temporary = directory.resolve(key + ".part");
		Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		return key;
	}

	public Path path(String key) {
		if (!key.matches("^[0-9a-f-]{36}\\.pdf$")) {
			throw new IllegalArgumentException("Not a business-plan key");
		}
		return directory.resolve(key);
	}

	public void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException e) {
			// An orphaned file is harmless; the application row is what counts.
		}
	}

}
