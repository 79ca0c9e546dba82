package org.hetao.estation.leisure.internal;

import java.util.List;

import org.hetao.estation.shared.LocalizedText;

/** {@code ports.json}: the ports, where their figures come from, and the catalogue items they answer. */
public record PortsFile(String version, LocalizedText notice, LocalizedText source, List<String> catalogItems,
		List<Port> ports) {

	public PortsFile {
		catalogItems = catalogItems == null ? List.of() : List.copyOf(catalogItems);
		ports = ports == null ? List.of() : List.copyOf(ports);
	}

}
