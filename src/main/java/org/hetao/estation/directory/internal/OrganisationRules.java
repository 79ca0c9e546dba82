package org.hetao.estation.directory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationKind;

/** What makes an organisation record valid, whoever wrote it (the data file, the operator, a settlement). */
public final class OrganisationRules {

	public static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$");

	/** Path segments of the directory's own pages, which no organisation may take as its code. */
	static final List<String> RESERVED_CODES = List.of("manage", "new", "edit", "map");

	private OrganisationRules() {
	}

	/** The problems with this record, as {@code field: reason} texts; empty when valid. */
	public static List<String> problems(Organisation o) {
		List<String> problems = new ArrayList<>();
		if (o.code() == null || !CODE.matcher(o.code()).matches() || RESERVED_CODES.contains(o.code())) {
			problems.add("code: must be 3-80 lower-case letters, digits or dashes and not a reserved word");
		}
		if (o.kind() == null) {
			problems.add("kind: missing");
		}
		if (o.name() == null || !o.name().isComplete()) {
			problems.add("name: needs zh-Hant, zh-Hans and en");
		}
		if (o.description() == null || !o.description().isComplete()) {
			problems.add("description: needs zh-Hant, zh-Hans and en");
		}
		if (o.background() == null) {
			problems.add("background: missing");
		}
		if (!percent(o.hkMemberShare())) {
			problems.add("hkMemberShare: must be 0-100");
		}
		if (o.fields().isEmpty()) {
			problems.add("fields: at least one");
		}
		if (o.source() == null || o.source().isBlank()) {
			problems.add("source: say where the facts come from");
		}
		if (o.incubator() != null) {
			if (o.kind() != OrganisationKind.INCUBATOR) {
				problems.add("incubator: figures only for incubators");
			}
			if (!percent(o.incubator().hkBackgroundShare())) {
				problems.add("incubator.hkBackgroundShare: must be 0-100");
			}
		}
		if (o.location() != null) {
			BigDecimal lon = o.location().longitude();
			BigDecimal lat = o.location().latitude();
			if ((lon == null) != (lat == null)) {
				problems.add("location: longitude and latitude go together");
			}
			if (lon != null && lat != null && (lon.abs().compareTo(BigDecimal.valueOf(180)) > 0
					|| lat.abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
				problems.add("location: coordinates out of range");
			}
		}
		return problems;
	}

	private static boolean percent(Integer value) {
		return value == null || (value >= 0 && value <= 100);
	}

}
