package org.hetao.estation.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;
import org.springframework.core.io.Resource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where people find the service centre and whom they can call: the footer of every page and the contact page.
 * Data ({@code portal/service-centre.json}), not code.
 */
public record ServiceCentre(LocalizedText name, LocalizedText address, LocalizedText hours, String email,
		List<Hotline> hotlines) {

	/** A help line: the number to dial and what it is. */
	public record Hotline(String number, LocalizedText label) {

		/** The number as a {@code tel:} link. */
		public String telLink() {
			return "tel:" + number.replaceAll("[^0-9+]", "");
		}
	}

	static ServiceCentre read(Resource file, ObjectMapper json) throws IOException {
		try (InputStream in = file.getInputStream()) {
			JsonNode root = json.readTree(in);
			List<Hotline> hotlines = new java.util.ArrayList<>();
			root.path("hotlines").forEach(h -> hotlines.add(new Hotline(h.path("number").asString(), text(h.path("label")))));
			return new ServiceCentre(text(root.path("name")), text(root.path("address")), text(root.path("hours")),
					root.path("email").asString(null), List.copyOf(hotlines));
		}
	}

	private static LocalizedText text(JsonNode node) {
		return LocalizedText.of(node.path("zh-Hant").asString(), node.path("zh-Hans").asString(), node.path("en").asString());
	}

}
