package org.hetao.estation.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A text in the platform's three languages. On the API it is an object keyed by language tag:
 * {@code {"zh-Hant": "…", "zh-Hans": "…", "en": "…"}}.
 */
public record LocalizedText(String zhHant, String zhHans, String en) {

	public LocalizedText {
		Objects.requireNonNull(zhHant, "zh-Hant text is required");
		Objects.requireNonNull(zhHans, "zh-Hans text is required");
		Objects.requireNonNull(en, "en text is required");
	}

	public static LocalizedText of(String zhHant, String zhHans, String en) {
		return new LocalizedText(zhHant, zhHans, en);
	}

	public String get(Language language) {
		return switch (language) {
			case ZH_HANT -> zhHant;
			case ZH_HANS -> zhHans;
			case EN -> en;
		};
	}

	/** The text for a user of this locale (see {@link Language#of(Locale)}). */
	public String get(Locale locale) {
		return get(Language.of(locale));
	}

	/** Convenience for templates: {@code ${item.name.in(#locale)}}. */
	public String in(Locale locale) {
		return get(locale);
	}

	@JsonValue
	public Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put(Language.ZH_HANT.tag(), zhHant);
		map.put(Language.ZH_HANS.tag(), zhHans);
		map.put(Language.EN.tag(), en);
		return map;
	}

	@JsonCreator
	public static LocalizedText fromMap(Map<String, String> map) {
		return new LocalizedText(map.get(Language.ZH_HANT.tag()), map.get(Language.ZH_HANS.tag()),
				map.get(Language.EN.tag()));
	}

	/** Every language has non-blank text. */
	public boolean isComplete() {
		return !zhHant.isBlank() && !zhHans.isBlank() && !en.isBlank();
	}

	@Override
	public String toString() {
		return zhHant + " / " + zhHans + " / " + en;
	}

}
