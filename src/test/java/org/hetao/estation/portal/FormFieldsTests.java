package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every form field is rendered by {@code fragments/field.html} (issue #18): no template writes a label, an
 * error paragraph, {@code aria-invalid} or a visible control by hand, so that label, hint, error and their
 * {@code aria-*} links stay the same on every form. The few exceptions are listed here with their reason.
 */
class FormFieldsTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path SOURCES = Path.of("src/main/java");

	static final String FRAGMENT = "fragments/field.html";

	/**
	 * Where a template may write a field by hand: between {@code <!--/* hand-written field: <why> *&#47;-->} and
	 * {@code <!--/* end hand-written field *&#47;-->}, and only as many times per template as listed here, so that a
	 * new exception is a decision seen in review, with its reason beside it.
	 */
	static final Map<String, Integer> EXCEPTIONS = Map.of(
			// the header's site search: a combobox that search.js extends, in every page's layout
			"fragments/layout.html", 1,
			// the units to allocate: a checkbox in each row of a table, labelled by the row header
			"park/settlement-detail.html", 1);

	static final Pattern EXCEPTION = Pattern.compile(
			"<!--/\\* hand-written field: ([^*]*?)\\s*\\*/-->.*?<!--/\\* end hand-written field \\*/-->", Pattern.DOTALL);

	/** Written by hand, each of these makes a field that can drift from the others. */
	static final Pattern HAND_WRITTEN = Pattern.compile(
			"aria-invalid|class=\"field__error\"|class=\"field-error\"|<label\\b|<(input|select|textarea)\\b(?![^>]*type=\"hidden\")");

	static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	@Test
	void everyFieldComesFromTheFieldFragment() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			String name = TEMPLATES.relativize(template).toString().replace('\\', '/');
			if (name.equals(FRAGMENT)) {
				continue;
			}
			String html = Files.readString(template);
			Matcher exception = EXCEPTION.matcher(html);
			int exceptions = 0;
			while (exception.find()) {
				exceptions++;
				if (exception.group(1).isBlank()) {
					problems.add(name + ": a hand-written field without its reason");
				}
			}
			if (exceptions != EXCEPTIONS.getOrDefault(name, 0)) {
				problems.add(name + " has " + exceptions + " hand-written fields; FormFieldsTests.EXCEPTIONS allows "
						+ EXCEPTIONS.getOrDefault(name, 0));
			}
			html = COMMENT.matcher(EXCEPTION.matcher(html).replaceAll(m -> "\n".repeat(lines(m.group()))))
				.replaceAll(m -> "\n".repeat(lines(m.group())));
			Matcher m = HAND_WRITTEN.matcher(html);
			while (m.find()) {
				problems.add(name + ":" + line(html, m.start()) + " writes " + m.group() + " by hand");
			}
		}
		assertThat(problems).as("use ~{fragments/field :: field(...)} instead").isEmpty();
	}

	static int lines(String text) {
		return (int) text.chars().filter(c -> c == '\n').count();
	}

	/**
	 * The fragment is declared without a parameter list, so a parameter a page does not pass is looked up among
	 * the page's own variables. A page that calls it must therefore not name a variable like a parameter, nor may a
	 * controller put such a name in a model: the field would quietly take the page's value.
	 */
	@Test
	void noPageVariableIsNamedLikeAParameter() throws IOException {
		String fragment = Files.readString(TEMPLATES.resolve(FRAGMENT));
		Set<String> parameters = parameters(fragment);
		assertThat(parameters).contains("currentValue", "describedBy");
		List<String> problems = new ArrayList<>();
		Pattern declared = Pattern.compile("th:(?:with|each)=\"([^\"]*)\"");
		Pattern variable = Pattern.compile("(?:^|,)\\s*(\\w+)\\s*(?:=|,\\s*\\w+\\s*:|:)");
		for (Path template : templates()) {
			String html = Files.readString(template);
			if (template.endsWith(FRAGMENT) || !html.contains("fragments/field :: field")) {
				continue;
			}
			Matcher d = declared.matcher(html);
			while (d.find()) {
				Matcher v = variable.matcher(d.group(1));
				while (v.find()) {
					if (parameters.contains(v.group(1))) {
						problems.add(TEMPLATES.relativize(template) + " declares " + v.group(1));
					}
				}
			}
		}
		Pattern attribute = Pattern.compile("(?:addAttribute|addFlashAttribute|ModelAttribute)\\(\"(\\w+)\"");
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher a = attribute.matcher(Files.readString(source));
				while (a.find()) {
					if (parameters.contains(a.group(1)) && !MODEL_EXCEPTIONS.contains(a.group(1))) {
						problems.add(source.getFileName() + " puts \"" + a.group(1) + "\" in a model");
					}
				}
			}
		}
		assertThat(problems).as("a page variable named like a parameter of fragments/field.html").isEmpty();
	}

	/**
	 * Model names that are parameters of the field fragment but never reach a page with a field:
	 * {@code value} is the revealed personal datum of {@code casework/reveal :: value}, a fragment without a form.
	 */
	static final Set<String> MODEL_EXCEPTIONS = Set.of("value");

	/** The field fragment's parameters (as its opening comment lists them). */
	static final Set<String> PARAMETERS = Set.of("id", "field", "name", "label", "labelClass", "optional", "hint", "error",
			"errorList", "value", "values", "type", "required", "autocomplete", "inputmode", "maxlength", "min", "max", "step", "accept",
			"autofocus", "spellcheck", "autocapitalize", "readonly", "disabled", "rowCount", "controlClass", "fieldClass",
			"choices", "constants", "choose", "options", "choiceItems", "choiceClass", "control", "checked", "checkedValue");

	/** The parameters, each of which the fragment must read, and the variables it sets itself. */
	static Set<String> parameters(String fragment) {
		Set<String> names = new TreeSet<>(PARAMETERS);
		for (String p : PARAMETERS) {
			assertThat(fragment).as("fragments/field.html reads " + p).containsPattern("[{( ]" + p + "\\b(?!=)");
		}
		Matcher locals = Pattern.compile("(?m)^\\s*(?:<th:block th:fragment=\"field\"\\s*)?(?:th:with=\")?(\\w+)=\\$\\{").matcher(fragment);
		while (locals.find()) {
			names.add(locals.group(1));
		}
		return names;
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	static int line(String text, int index) {
		return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}

}
