package org.hetao.estation.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.hetao.estation.shared.CsvDataFiles;
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
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			for (CSVRecord f : CsvDataFiles.read(in, false)) {
				if (f.size() != 4) {
					throw new IllegalStateException("retention.csv: expected 4 fields in line " + f.getParser().getCurrentLineNumber()
							+ ": " + f.toList());
				}
				rules.put(f.get(0), new Rule(f.get(0), Integer.parseInt(f.get(1)), f.get(2), Boolean.parseBoolean(f.get(3))));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rules;
	}

}
