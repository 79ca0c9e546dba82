package org.hetao.estation.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** One measure's figures, written as {@code <run>/parts/<name>.properties} for {@link Report} to merge. */
public final class Part {

	private final Path file;

	private final Properties values = new Properties();

	private int notes;

	public Part(Path runDir, String name) {
		this.file = runDir.resolve("parts").resolve(name + ".properties");
	}

	public Part put(String key, Object value) {
		values.setProperty(key, value == null ? "null" : value.toString());
		System.out.println("  " + key + " = " + value);
		return this;
	}

	/** A figure put before, as written; null when none. */
	public String get(String key) {
		return values.getProperty(key);
	}

	public Part note(String text) {
		values.setProperty("note." + file.getFileName() + "." + (++notes), text);
		System.out.println("  note: " + text);
		return this;
	}

	public void save() throws IOException {
		Files.createDirectories(file.getParent());
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			values.store(w, null);
		}
	}

	public static double round(double v, int decimals) {
		double f = Math.pow(10, decimals);
		return Math.round(v * f) / f;
	}

}
