package org.hetao.estation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/** Collects the fault tests' figures in {@code target/fault-figures.json} (one section per test). */
public final class FaultFigures {

	private FaultFigures() {
	}

	public static synchronized void write(String section, Map<String, ?> figures) {
		Path file = Path.of("target", "fault-figures.json");
		try {
			ObjectNode root = Files.exists(file) ? (ObjectNode) WebSession.JSON.readTree(Files.readString(file))
					: WebSession.JSON.createObjectNode();
			root.set(section, WebSession.JSON.valueToTree(figures));
			Files.createDirectories(file.getParent());
			Files.writeString(file, WebSession.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Fault figures (" + section + "): " + figures);
	}

}
