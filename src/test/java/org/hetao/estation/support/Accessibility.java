package org.hetao.estation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core (Deque) run in the browser on the page as it is: no violation of WCAG 2.0/2.1 level A or AA is
 * allowed. A failure lists each rule, its impact and the elements that break it.
 */
public final class Accessibility {

	static final List<String> STANDARD = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private Accessibility() {
	}

	public static void assertNoViolations(WebDriver browser) {
		Results results = new AxeBuilder().withTags(STANDARD).analyze(browser);
		assertThat(results.isErrored()).as("axe ran on %s", browser.getCurrentUrl()).isFalse();
		List<Rule> violations = results.getViolations();
		assertThat(violations).as("accessibility violations on %s:%n%s", browser.getCurrentUrl(), describe(violations))
			.isEmpty();
	}

	/**
	 * The page's landmarks as a screen reader lists them: exactly one {@code main}, not inside another landmark
	 * (axe's best-practice rules, which the WCAG tags above do not run).
	 */
	public static void assertOneMainLandmark(WebDriver browser) {
		Results results = new AxeBuilder()
			.withRules(List.of("landmark-one-main", "landmark-no-duplicate-main", "landmark-main-is-top-level"))
			.analyze(browser);
		assertThat(results.isErrored()).as("axe ran on %s", browser.getCurrentUrl()).isFalse();
		assertThat(results.getViolations()).as("landmarks on %s:%n%s", browser.getCurrentUrl(),
				describe(results.getViolations())).isEmpty();
	}

	static String describe(List<Rule> violations) {
		return violations.stream()
			.map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n" + v.getNodes()
				.stream()
				.limit(5)
				.map(n -> "    " + n.getTarget() + " " + n.getFailureSummary().replace('\n', ' '))
				.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

}
