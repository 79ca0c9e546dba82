package org.hetao.estation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shared fragments of {@code templates/fragments/} (issue #22) are the only place their markup is written: the
 * page frame ({@code layout}), the error summary, the table, the filter bar, the one-button form, the breadcrumbs. A
 * page that writes one of them by hand drifts from the others; these checks fail on it, the way {@link FormFieldsTests}
 * does for form fields. The few exceptions are listed here with their reason.
 */
class TemplateConventionsTests {

	static final Path TEMPLATES = FormFieldsTests.TEMPLATES;

	static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	/** Pages outside the layout (their own frame): the hall's wall board, the payment sandbox, the outage page. */
	static final Set<String> OWN_FRAME = Set.of("hall/board.html", "payments/sandbox-pay.html", "unavailable.html");

	/** Where a table may be written by hand, and why. */
	static final Map<String, String> OWN_TABLES = Map.of(
			"hall/board-live.html", "the wall board's table, swapped in every few seconds, styled for a screen across the hall");

	@Test
	void everyPageIsOneCallOfTheLayoutWithItsStylesheetsInTheHead() throws IOException {
		List<String> problems = new ArrayList<>();
		Pattern call = Pattern.compile("<html th:replace=\"~\\{fragments/layout :: layout\\(([^\"]*)\\)\\}\"");
		Pattern main = Pattern.compile("<main\\b.*?</main>", Pattern.DOTALL);
		for (Path template : FormFieldsTests.templates()) {
			String name = name(template);
			String html = COMMENT.matcher(Files.readString(template)).replaceAll("");
			Matcher m = main.matcher(html);
			while (m.find()) {
				if (m.group().contains("<link")) {
					problems.add(name + ": a <link> inside <main> (pass styles= to the layout: it puts them in <head>)");
				}
			}
			if (!html.contains("<main") || name.startsWith("fragments/") || OWN_FRAME.contains(name)) {
				continue;
			}
			Matcher c = call.matcher(html);
			if (!c.find()) {
				if (html.contains("<html")) {
					problems.add(name + ": a page not framed by ~{fragments/layout :: layout(title=…, content=~{::main})}");
				}
				continue;
			}
			String args = c.group(1);
			if (!args.contains("content=~{::main}") || !(args.contains("title=") || args.contains("fullTitle="))) {
				problems.add(name + ": the layout takes title= (or fullTitle=) and content=~{::main}");
			}
			String beforeMain = html.substring(0, html.indexOf("<main"));
			if (beforeMain.contains("<head") || beforeMain.contains("<title")) {
				problems.add(name + ": a <head> or <title> of its own (the layout writes them from title=)");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void errorSummariesTablesFilterBarsAndOneButtonFormsComeFromTheirFragments() throws IOException {
		Map<Pattern, String> handWritten = Map.of(
				Pattern.compile("form\\.hasErrors|#fields\\.detailedErrors\\(\\)"),
				"an error summary: use ~{fragments/error-summary :: errorSummary(...)}",
				Pattern.compile("<table\\b|class=\"table-scroll\""), "a table: use ~{fragments/table :: table(...)}",
				Pattern.compile("<form\\b[^>]*class=\"[^\"]*\\bfilters\\b"), "a filter bar: use ~{fragments/filters :: filters(...)}",
				Pattern.compile("class=\"breadcrumbs\""), "breadcrumbs: use ~{fragments/breadcrumbs :: breadcrumbs(...)}",
				Pattern.compile("<form\\b[^>]*>\\s*(?:<input type=\"hidden\"[^>]*>\\s*)*<button\\b[^>]*>[^<]*</button>\\s*</form>"),
				"a form of one button: use ~{fragments/button :: post(...)}");
		List<String> problems = new ArrayList<>();
		for (Path template : FormFieldsTests.templates()) {
			String name = name(template);
			if (name.startsWith("fragments/")) {
				continue;
			}
			String html = COMMENT.matcher(Files.readString(template)).replaceAll(m -> "\n".repeat(FormFieldsTests.lines(m.group())));
			handWritten.forEach((pattern, what) -> {
				Matcher m = pattern.matcher(html);
				while (m.find()) {
					if (!(what.startsWith("a table") && OWN_TABLES.containsKey(name))) {
						problems.add(name + ":" + FormFieldsTests.line(html, m.start()) + " writes " + what);
					}
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Thymeleaf includes a fragment before it evaluates a th:if, th:unless, th:each or th:with on the same element
	 * (th:replace has the highest precedence), so such a condition is silently never applied.
	 */
	@Test
	void noConditionOrLoopBesideAnInclusion() throws IOException {
		Pattern tag = Pattern.compile("<[a-zA-Z][\\w:-]*\\b[^>]*>", Pattern.DOTALL);
		Pattern inclusion = Pattern.compile("\\sth:(?:replace|insert)=");
		Pattern beside = Pattern.compile("\\sth:(?:if|unless|each|with)=");
		List<String> problems = new ArrayList<>();
		for (Path template : FormFieldsTests.templates()) {
			String html = COMMENT.matcher(Files.readString(template)).replaceAll(m -> "\n".repeat(FormFieldsTests.lines(m.group())));
			Matcher m = tag.matcher(html);
			while (m.find()) {
				if (inclusion.matcher(m.group()).find() && beside.matcher(m.group()).find()) {
					problems.add(name(template) + ":" + FormFieldsTests.line(html, m.start())
							+ " puts th:if/unless/each/with beside th:replace (never evaluated): wrap the call in a th:block or pass the condition");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * The shared fragments are declared without a parameter list and called with named parameters, so one a page
	 * does not pass is looked up among the page's variables: no model attribute may be named like one that is left
	 * out. (Each fragment must read the parameters listed here, so that the list stays its list.)
	 */
	static final Map<String, Set<String>> OPTIONAL_PARAMETERS = Map.of(
			"fragments/layout.html", Set.of("title", "fullTitle", "styles", "scripts"),
			"fragments/error-summary.html", Set.of("fields", "idPrefix", "labelPrefix", "byId", "listItems", "always", "summaryTitle",
					"boxId", "hidden", "role"),
			"fragments/table.html", Set.of("rowsOf", "emptyText", "emptyClass", "emptyId", "headings", "firstHeading", "head",
					"caption", "captionClass", "tableClass", "tableId", "wrapClass", "wrapId", "scroller"),
			"fragments/filters.html", Set.of("label", "clearText", "clear", "buttonClass", "buttonId", "formClass"),
			"fragments/button.html", Set.of("buttonClass", "buttonId", "buttonLabel", "formClass", "hidden", "shown"),
			"fragments/breadcrumbs.html", Set.of("trail", "kind", "here"));

	@Test
	void noModelAttributeIsNamedLikeAParameterOfASharedFragment() throws IOException {
		List<String> problems = new ArrayList<>();
		OPTIONAL_PARAMETERS.forEach((fragment, parameters) -> {
			String html = read(TEMPLATES.resolve(fragment));
			for (String p : parameters) {
				if (!Pattern.compile("[{( !]" + p + "\\b(?!=)").matcher(html).find()) {
					problems.add(fragment + " does not read " + p);
				}
			}
		});
		Pattern attribute = Pattern.compile("(?:addAttribute|addFlashAttribute|ModelAttribute)\\(\"(\\w+)\"");
		try (Stream<Path> files = Files.walk(FormFieldsTests.SOURCES)) {
			for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher a = attribute.matcher(Files.readString(source));
				while (a.find()) {
					String model = a.group(1);
					OPTIONAL_PARAMETERS.forEach((fragment, parameters) -> {
						if (parameters.contains(model)) {
							problems.add(source.getFileName() + " puts \"" + model + "\" in a model, a parameter of " + fragment);
						}
					});
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static String name(Path template) {
		return TEMPLATES.relativize(template).toString().replace('\\', '/');
	}

}
