package org.hetao.estation.casework;

/**
 * One thing a correction notice asks for: a material of the item's list that is missing or not in
 * order ({@code materialCode}), an answer of the item's form to correct ({@code fieldKey}), or a free-text
 * point (neither).
 */
public record Deficiency(String materialCode, String note, String fieldKey) {

	public Deficiency {
		materialCode = materialCode == null || materialCode.isBlank() ? null : materialCode;
		fieldKey = fieldKey == null || fieldKey.isBlank() ? null : fieldKey;
		note = note == null || note.isBlank() ? null : note.strip();
		if (materialCode == null && note == null && fieldKey == null) {
			throw new IllegalArgumentException("a deficiency names a material or an answer, or says what is wrong");
		}
	}

	public Deficiency(String materialCode, String note) {
		this(materialCode, note, null);
	}

	public static Deficiency material(String code) {
		return new Deficiency(code, null, null);
	}

	public static Deficiency note(String text) {
		return new Deficiency(null, text, null);
	}

	public static Deficiency field(String key) {
		return new Deficiency(null, null, key);
	}

	/**
	 * What it names, as people read it: the material's name or the answer's label in the item (its code when the
	 * item no longer lists it); {@code null} for a free-text point. The one rule for pages, messages and PDFs.
	 */
	public org.hetao.estation.shared.LocalizedText subject(org.hetao.estation.catalog.ServiceItem item) {
		if (materialCode != null) {
			return item == null ? org.hetao.estation.shared.LocalizedText.of(materialCode, materialCode, materialCode)
					: item.materials()
						.stream()
						.filter(m -> m.code().equals(materialCode))
						.map(org.hetao.estation.catalog.MaterialRequirement::name)
						.findFirst()
						.orElse(org.hetao.estation.shared.LocalizedText.of(materialCode, materialCode, materialCode));
		}
		if (fieldKey != null) {
			return item == null ? org.hetao.estation.shared.LocalizedText.of(fieldKey, fieldKey, fieldKey)
					: item.field(fieldKey)
						.map(org.hetao.estation.catalog.FormField::label)
						.orElse(org.hetao.estation.shared.LocalizedText.of(fieldKey, fieldKey, fieldKey));
		}
		return null;
	}

}
