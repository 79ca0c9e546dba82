package org.hetao.estation.casework;

/**
 * One thing a correction notice asks for: a material of the item's list that is missing or not in
 * order ({@code materialCode}), or a free-text point ({@code materialCode == null}).
 */
public record Deficiency(String materialCode, String note) {

	public Deficiency {
		if ((materialCode == null || materialCode.isBlank()) && (note == null || note.isBlank())) {
			throw new IllegalArgumentException("a deficiency names a material or says what is wrong");
		}
		materialCode = materialCode == null || materialCode.isBlank() ? null : materialCode;
		note = note == null || note.isBlank() ? null : note.strip();
	}

	public static Deficiency material(String code) {
		return new Deficiency(code, null);
	}

	public static Deficiency note(String text) {
		return new Deficiency(null, text);
	}

}
