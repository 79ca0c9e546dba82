package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The merged message source answers every message of every bundle as the bundle-by-bundle source did, in our three
 * languages, in the variants browsers send and in a language we do not have.
 */
class MergedBundleMessageSourceTests {

	private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("zh-Hant"), Locale.forLanguageTag("zh-Hans"),
			Locale.ENGLISH, Locale.TRADITIONAL_CHINESE, Locale.SIMPLIFIED_CHINESE, Locale.UK, Locale.forLanguageTag("zh-Hant-HK"),
			Locale.FRENCH, Locale.ROOT);

	/** Texts and numbers (a {@code {0,number}} refuses a text: then both must refuse it alike). */
	private static final List<Object[]> ARGUMENTS = List.of(new Object[] { "甲", "x", "y" }, new Object[] { 3, 1234.5, 7 });

	@Test
	void everyMessageReadsAsTheBundlesSayInEveryLanguage() throws Exception {
		ResourceBundleMessageSource merged = (ResourceBundleMessageSource) new MessageSourceConfiguration().messageSource();
		assertThat(merged).isInstanceOf(MergedBundleMessageSource.class);
		ResourceBundleMessageSource plain = plainLike(merged);
		TreeSet<String> codes = codes(merged);
		assertThat(codes).hasSizeGreaterThan(1000).contains("app.name", "layout.signIn");
		for (Locale locale : LOCALES) {
			for (String code : codes) {
				assertThat(merged.getMessage(code, null, "-", locale)).as("%s in %s", code, locale)
					.isEqualTo(plain.getMessage(code, null, "-", locale));
				for (Object[] arguments : ARGUMENTS) {
					assertThat(answer(merged, code, arguments, locale)).as("%s with arguments in %s", code, locale)
						.isEqualTo(answer(plain, code, arguments, locale));
				}
			}
			assertThat(merged.getMessage("no.such.code", null, "-", locale)).isEqualTo("-");
		}
		// the three languages really differ: the comparison is not of one text with itself
		assertThat(merged.getMessage("layout.signIn", null, Locale.forLanguageTag("zh-Hant")))
			.isNotEqualTo(merged.getMessage("layout.signIn", null, Locale.forLanguageTag("zh-Hans")))
			.isNotEqualTo(merged.getMessage("layout.signIn", null, Locale.ENGLISH));
	}

	@Test
	void pastSixteenLanguagesNoMoreMapsAreMadeAndTheBundlesAnswerOneByOneTheSame() throws Exception {
		ResourceBundleMessageSource merged = (ResourceBundleMessageSource) new MessageSourceConfiguration().messageSource();
		ResourceBundleMessageSource plain = plainLike(merged);
		List<Locale> many = new ArrayList<>();
		for (String tag : List.of("de", "es", "it", "ja", "ko", "pt", "ru", "nl", "sv", "pl", "tr", "vi", "th", "id", "ms",
				"ar", "he", "fi", "da", "no")) {
			many.add(Locale.forLanguageTag(tag));
		}
		many.add(Locale.forLanguageTag("zh-Hans"));
		many.add(Locale.ENGLISH);
		for (Locale locale : many) {
			for (String code : List.of("app.name", "layout.signIn", "layout.footer.about")) {
				assertThat(answer(merged, code, ARGUMENTS.get(0), locale)).as("%s in %s", code, locale)
					.isEqualTo(answer(plain, code, ARGUMENTS.get(0), locale));
			}
		}
		// a locale anyone can put in the language cookie does not get a map of its own past the bound
		assertThat(((MergedBundleMessageSource) merged).mergedLanguages()).isEqualTo(MergedBundleMessageSource.LANGUAGES);
	}

	/** The message, or what was thrown instead. */
	private static String answer(ResourceBundleMessageSource source, String code, Object[] arguments, Locale locale) {
		try {
			return source.getMessage(code, arguments, "-", locale);
		}
		catch (RuntimeException e) {
			return "thrown: " + e;
		}
	}

	private static ResourceBundleMessageSource plainLike(ResourceBundleMessageSource merged) {
		ResourceBundleMessageSource plain = new ResourceBundleMessageSource();
		plain.setBasenames(merged.getBasenameSet().toArray(String[]::new));
		plain.setDefaultEncoding("UTF-8");
		plain.setFallbackToSystemLocale(false);
		return plain;
	}

	private static TreeSet<String> codes(ResourceBundleMessageSource source) {
		TreeSet<String> codes = new TreeSet<>();
		for (String basename : source.getBasenameSet()) {
			for (Locale locale : List.of(Locale.ROOT, Locale.forLanguageTag("zh-Hans"), Locale.ENGLISH)) {
				codes.addAll(Collections.list(ResourceBundle.getBundle(basename, locale).getKeys()));
			}
		}
		return codes;
	}

}
