package org.hetao.estation.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hetao.estation.shared.PersonalDataContributor.Rule;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The retention table, {@code privacy/retention.csv}: category, years, legal basis, whether illustrative. */
@Component
public class RetentionRules {

	private final Map<String, Rule> rules;

	RetentionRules() {
		this(read("privacy/retention.csv"));
	}

	RetentionRules(Map<String, Rule> rules) {
		this.rules = Map.copyOf(rules);
	}

	/** The rule for a category; a category without a rule keeps nothing (0 years). */
	public Rule rule(String category) {
		return rules.getOrDefault(category, new Rule(category, 0, "privacy.basis.none", false));
	}

	public Map<String, Rule> all() {
		return rules;
	}

	static Map<String, Rule> read(String resource) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",");
				if (f.length != 4) {
					throw new IllegalStateException("retention.csv: expected 4 fields in '" + line + "'");
				}
				rules.put(f[0].strip(), new Rule(f[0].strip(), Integer.parseInt(f[1].strip()), f[2].strip(),
						Boolean.parseBoolean(f[3].strip())));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rules;
	}

}
