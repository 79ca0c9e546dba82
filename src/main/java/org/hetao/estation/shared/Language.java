package org.hetao.estation.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platform's three languages. Traditional Chinese is the default: the zone's Hong Kong users read it. */
public enum Language {

	ZH_HANT("zh-Hant"), ZH_HANS("zh-Hans"), EN("en");

	public static final Language DEFAULT = ZH_HANT;

	/** The cookie that remembers the language a person chose with the switcher ({@code ?lang=}). */
	public static final String CHOICE_COOKIE = "estation-lang";

	private final String tag;

	Language(String tag) {
		this.tag = tag;
	}

	/** The BCP 47 tag, e.g. {@code zh-Hant}. */
	public String tag() {
		return tag;
	}

	/** The key of the language's name, {@code language.ZH_HANT}. */
	public String messageKey() {
		return "language." + name();
	}

	public Locale locale() {
		return Locale.forLanguageTag(tag);
	}

	/** Parses a BCP 47 tag leniently: {@code zh-CN}, {@code zh_hans} and {@code zh-Hans-HK} are Simplified. */
	public static Optional<Language> fromTag(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		String normalized = tag.trim().replace('_', '-');
		return Arrays.stream(values())
			.filter(l -> l.tag.equalsIgnoreCase(normalized))
			.findFirst()
			.or(() -> Optional.ofNullable(normalized.isEmpty() ? null : of(Locale.forLanguageTag(normalized))));
	}

	/** The language to answer a user of this locale in: English for any non-Chinese locale. */
	public static Language of(Locale locale) {
		if (locale == null || locale.getLanguage().isEmpty()) {
			return DEFAULT;
		}
		if (!"zh".equals(locale.getLanguage())) {
			return EN;
		}
		String script = locale.getScript();
		if ("Hans".equalsIgnoreCase(script)) {
			return ZH_HANS;
		}
		if ("Hant".equalsIgnoreCase(script)) {
			return ZH_HANT;
		}
		return switch (locale.getCountry()) {
			case "CN", "SG", "MY" -> ZH_HANS;
			default -> ZH_HANT;
		};
	}

}
