package org.hetao.estation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text the user reads comes from the message bundles, in all three languages: a key missing in
 * one language, an empty translation, or hard-coded text in a template fails this test.
 */
class I18nBundlesTests {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Texts that are the same in every language on purpose (the language switcher names each language in itself). */
	static final Set<String> LANGUAGE_NEUTRAL = Set.of("繁", "简", "EN", "·", "×", "→", "←", "|", "/", "-", "–", "—", ":",
			"*");

	@Test
	void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			List<Path> defaults = files.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties")).toList();
			assertThat(defaults).isNotEmpty();
			for (Path base : defaults) {
				String name = base.getFileName().toString().replace(".properties", "");
				Properties hant = load(base);
				for (String suffix : List.of("_zh_Hans", "_en")) {
					Path translation = BUNDLES.resolve(name + suffix + ".properties");
					if (!Files.exists(translation)) {
						problems.add(translation + " is missing");
						continue;
					}
					Properties other = load(translation);
					Set<String> missing = new TreeSet<>(hant.stringPropertyNames());
					missing.removeAll(other.stringPropertyNames());
					Set<String> extra = new TreeSet<>(other.stringPropertyNames());
					extra.removeAll(hant.stringPropertyNames());
					missing.forEach(k -> problems.add(translation.getFileName() + " lacks " + k));
					extra.forEach(k -> problems.add(base.getFileName() + " lacks " + k + " (found in " + suffix + ")"));
					other.forEach((k, v) -> {
						if (v.toString().isBlank()) {
							problems.add(translation.getFileName() + " has an empty " + k);
						}
					});
				}
				hant.forEach((k, v) -> {
					if (v.toString().isBlank()) {
						problems.add(base.getFileName() + " has an empty " + k);
					}
				});
			}
		}
		assertThat(problems).as("message bundles out of step").isEmpty();
	}

	@Test
	void keysAreDefinedOnceAcrossModules() throws IOException {
		List<String> duplicates = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path base : files.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties")).sorted().toList()) {
				for (String key : load(base).stringPropertyNames()) {
					if (!seen.add(key)) {
						duplicates.add(key + " (again in " + base.getFileName() + ")");
					}
				}
			}
		}
		assertThat(duplicates).as("a key must live in one module's bundle").isEmpty();
	}

	static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b.*?</\\1>", Pattern.DOTALL);

	static final Pattern TAG_THEN_TEXT = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>([^<]*)");

	static final Pattern HARD_CODED_ATTRIBUTE = Pattern
		.compile("(?<![:-])\\b(placeholder|title|alt|aria-label|value)=\"([^\"]*\\p{L}[^\"]*)\"");

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = SCRIPT_OR_STYLE.matcher(COMMENT.matcher(Files.readString(template)).replaceAll(""))
					.replaceAll("");
				Matcher m = TAG_THEN_TEXT.matcher(html);
				while (m.find()) {
					String attributes = m.group(2);
					String text = m.group(3).strip();
					if (text.isEmpty() || !text.codePoints().anyMatch(Character::isLetter)
							|| LANGUAGE_NEUTRAL.contains(text)) {
						continue;
					}
					boolean replaced = attributes.matches("(?s).*\\bth:(text|utext|replace|insert|remove|each|errors)=.*")
							|| m.group(1).startsWith("th:");
					if (!replaced) {
						problems.add(TEMPLATES.relativize(template) + ": hard-coded text \"" + text + "\"");
					}
				}
				Matcher a = HARD_CODED_ATTRIBUTE.matcher(html);
				while (a.find()) {
					if (!("value".equals(a.group(1)))) {
						problems.add(TEMPLATES.relativize(template) + ": hard-coded " + a.group(1) + "=\"" + a.group(2) + "\"");
					}
				}
			}
		}
		assertThat(problems).as("user-visible text must come from the message bundles").isEmpty();
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
