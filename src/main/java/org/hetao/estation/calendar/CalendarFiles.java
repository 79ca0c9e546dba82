package org.hetao.estation.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.hetao.estation.calendar.CalendarYear.SpecialDay;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and checks calendar files in their published formats. Plain Java.
 *
 * <ul>
 * <li>Mainland, holiday-cn ({@code <year>.json}):
 * {@code {"year": 2026, "papers": [...], "days": [{"name": "春节", "date": "2026-02-14", "isOffDay": false}]}}.</li>
 * <li>Hong Kong, the 1823 general-holiday feed, one file per language ({@code en}, {@code tc},
 * {@code sc}): {@code [{"id": "20260101@1823.gov.hk", "name": "The first day of January", "date": "2026-01-01"}]}.</li>
 * </ul>
 * A file that is not well-formed, has a date outside its year, the same date twice, a make-up working day
 * that is not a weekend, or (Hong Kong) language files that disagree, is refused with a
 * {@link Problem} (kind UNPROCESSABLE, one field error per finding, keys {@code calendar.file.*}): it is
 * never loaded in part.
 */
public final class CalendarFiles {

	/** Upper limit of listed days in one year file: real years have 20 to 45. */
	static final int MAX_DAYS_PER_YEAR = 200;

	/** At most this many findings are reported. */
	static final int MAX_FINDINGS = 10;

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CalendarFiles() {
	}

	/**
	 * A Mainland year file (holiday-cn format).
	 *
	 * @param json the file's text
	 * @param expectedYear the year it must declare, or {@code null} to take the declared one
	 * @param field the form field to report findings against (e.g. {@code file})
	 * @param source provenance for administrators
	 */
	public static CalendarYear readMainland(String json, Integer expectedYear, String field, String source) {
		Findings findings = new Findings(field);
		JsonNode root = parse(json, findings);
		if (!root.isObject()) {
			throw findings.add("calendar.file.notMainlandFormat").problem();
		}
		JsonNode yearNode = root.get("year");
		if (yearNode == null || !yearNode.isIntegralNumber() || yearNode.asInt() < 1900 || yearNode.asInt() > 2200) {
			throw findings.add("calendar.file.yearMissing").problem();
		}
		int year = yearNode.asInt();
		if (expectedYear != null && year != expectedYear) {
			throw findings.add("calendar.file.yearMismatch", year, expectedYear).problem();
		}
		JsonNode papers = root.get("papers");
		if (papers != null && !papers.isArray()) {
			findings.add("calendar.file.notMainlandFormat");
		}
		JsonNode days = root.get("days");
		if (days == null || !days.isArray()) {
			throw findings.add("calendar.file.notMainlandFormat").problem();
		}
		if (days.size() > MAX_DAYS_PER_YEAR) {
			throw findings.add("calendar.file.tooManyDays", days.size(), MAX_DAYS_PER_YEAR).problem();
		}
		List<SpecialDay> special = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		int index = 0;
		for (JsonNode day : days) {
			index++;
			String name = day.isObject() && day.get("name") != null && day.get("name").isString()
					? day.get("name").stringValue().strip() : "";
			LocalDate date = date(day.isObject() ? day.get("date") : null, index, findings);
			JsonNode off = day.isObject() ? day.get("isOffDay") : null;
			if (name.isEmpty()) {
				findings.add("calendar.file.nameMissing", index);
			}
			if (off == null || !off.isBoolean()) {
				findings.add("calendar.file.offDayMissing", index);
			}
			if (date == null || name.isEmpty() || off == null || !off.isBoolean()) {
				continue;
			}
			if (!CalendarYear.allowedIn(Jurisdiction.CN, year, date)) {
				findings.add("calendar.file.dateOutsideYear", date.toString(), year);
				continue;
			}
			if (!seen.add(date)) {
				findings.add("calendar.file.duplicateDate", date.toString());
				continue;
			}
			if (!off.asBoolean() && !HolidayCalendar.isWeekend(date)) {
				findings.add("calendar.file.makeUpOnWeekday", date.toString());
				continue;
			}
			special.add(new SpecialDay(date, off.asBoolean(), MainlandHolidayNames.translate(name)));
		}
		findings.throwIfAny();
		return new CalendarYear(Jurisdiction.CN, year, special, source);
	}

	/**
	 * A Hong Kong year from the 1823 feed's language files; every date must be in {@code year}, and the
	 * files given must list the same dates. At least one language is required.
	 *
	 * @param files feed text per language; {@link Language#EN} from {@code en.json},
	 * {@link Language#ZH_HANT} from {@code tc.json}, {@link Language#ZH_HANS} from {@code sc.json}
	 * @param fields form field per language, to report findings against
	 */
	public static CalendarYear readHongKongYear(Map<Language, String> files, int year, Map<Language, String> fields,
			String source) {
		Findings anyFile = new Findings(fields.values().stream().findFirst().orElse("file"));
		if (files.isEmpty()) {
			throw anyFile.add("calendar.file.missing").problem();
		}
		Map<Language, Map<LocalDate, String>> byLanguage = new EnumMap<>(Language.class);
		List<Problem.FieldError> errors = new ArrayList<>();
		for (Map.Entry<Language, String> file : files.entrySet()) {
			Findings findings = new Findings(fields.getOrDefault(file.getKey(), "file"));
			Map<LocalDate, String> names = feed(file.getValue(), findings);
			for (LocalDate date : names.keySet()) {
				if (date.getYear() != year) {
					findings.add("calendar.file.dateOutsideYear", date.toString(), year);
				}
			}
			if (names.size() > MAX_DAYS_PER_YEAR) {
				findings.add("calendar.file.tooManyDays", names.size(), MAX_DAYS_PER_YEAR);
			}
			errors.addAll(findings.errors);
			byLanguage.put(file.getKey(), names);
		}
		if (errors.isEmpty()) {
			Set<LocalDate> reference = null;
			for (Map.Entry<Language, Map<LocalDate, String>> names : byLanguage.entrySet()) {
				if (reference == null) {
					reference = names.getValue().keySet();
				}
				else if (!reference.equals(names.getValue().keySet())) {
					errors.add(new Problem.FieldError(fields.getOrDefault(names.getKey(), "file"),
							"calendar.file.languagesDisagree"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw problem(errors);
		}
		Set<LocalDate> dates = new TreeSet<>();
		byLanguage.values().forEach(m -> dates.addAll(m.keySet()));
		List<SpecialDay> days = dates.stream()
			.map(d -> new SpecialDay(d, true, names(byLanguage, d)))
			.toList();
		return new CalendarYear(Jurisdiction.HK, year, days, source);
	}

	/**
	 * The whole 1823 feed as published (many years, a few language files): grouped by year. A year is
	 * loaded only when the feed lists holidays in both its January and its December (a feed starting on
	 * 26 December does not cover that year). Language files may differ by a date (the {@code sc} file
	 * lacks 2015-09-03): names then fall back to another language.
	 */
	public static List<CalendarYear> readHongKongFeed(Map<Language, String> files, String source) {
		Map<Language, Map<LocalDate, String>> byLanguage = new EnumMap<>(Language.class);
		for (Map.Entry<Language, String> file : files.entrySet()) {
			Findings findings = new Findings("file");
			byLanguage.put(file.getKey(), feed(file.getValue(), findings));
			findings.throwIfAny();
		}
		TreeMap<Integer, List<SpecialDay>> years = new TreeMap<>();
		Set<LocalDate> dates = new TreeSet<>();
		byLanguage.values().forEach(m -> dates.addAll(m.keySet()));
		for (LocalDate date : dates) {
			years.computeIfAbsent(date.getYear(), y -> new ArrayList<>())
				.add(new SpecialDay(date, true, names(byLanguage, date)));
		}
		List<CalendarYear> result = new ArrayList<>();
		years.forEach((year, days) -> {
			boolean january = days.stream().anyMatch(d -> d.date().getMonth() == Month.JANUARY);
			boolean december = days.stream().anyMatch(d -> d.date().getMonth() == Month.DECEMBER);
			if (january && december) {
				result.add(new CalendarYear(Jurisdiction.HK, year, days, source));
			}
		});
		return result;
	}

	/** The platform's own form of a year, as stored in the database. */
	public static String toStoredJson(CalendarYear year) {
		ObjectNode root = JSON.createObjectNode();
		root.put("jurisdiction", year.jurisdiction().name());
		root.put("year", year.year());
		ArrayNode days = root.putArray("days");
		for (SpecialDay day : year.days()) {
			ObjectNode node = days.addObject();
			node.put("date", day.date().toString());
			node.put("offDay", day.offDay());
			ObjectNode name = node.putObject("name");
			day.name().asMap().forEach(name::put);
		}
		return JSON.writeValueAsString(root);
	}

	/** Reads {@link #toStoredJson(CalendarYear)}. */
	public static CalendarYear fromStoredJson(String json, String source) {
		JsonNode root = JSON.readTree(json);
		List<SpecialDay> days = new ArrayList<>();
		for (JsonNode day : root.get("days")) {
			JsonNode name = day.get("name");
			Function<Language, String> text = l -> name.get(l.tag()).stringValue();
			days.add(new SpecialDay(LocalDate.parse(day.get("date").stringValue()), day.get("offDay").asBoolean(),
					LocalizedText.of(text.apply(Language.ZH_HANT), text.apply(Language.ZH_HANS), text.apply(Language.EN))));
		}
		return new CalendarYear(Jurisdiction.valueOf(root.get("jurisdiction").stringValue()), root.get("year").asInt(),
				days, source);
	}

	private static Map<LocalDate, String> feed(String json, Findings findings) {
		JsonNode root = parse(json, findings);
		if (!root.isArray()) {
			throw findings.add("calendar.file.notHongKongFormat").problem();
		}
		Map<LocalDate, String> names = new LinkedHashMap<>();
		int index = 0;
		for (JsonNode entry : root) {
			index++;
			String name = entry.isObject() && entry.get("name") != null && entry.get("name").isString()
					? entry.get("name").stringValue().strip() : "";
			LocalDate date = date(entry.isObject() ? entry.get("date") : null, index, findings);
			if (name.isEmpty()) {
				findings.add("calendar.file.nameMissing", index);
			}
			if (date == null || name.isEmpty()) {
				continue;
			}
			JsonNode id = entry.get("id");
			if (id != null && !(id.isString() && id.stringValue().startsWith(date.toString().replace("-", "")))) {
				findings.add("calendar.file.idMismatch", index, date.toString());
				continue;
			}
			if (names.putIfAbsent(date, name) != null) {
				findings.add("calendar.file.duplicateDate", date.toString());
			}
		}
		return names;
	}

	private static LocalizedText names(Map<Language, Map<LocalDate, String>> byLanguage, LocalDate date) {
		Function<Language, String> get = l -> byLanguage.getOrDefault(l, Map.of()).get(date);
		String en = get.apply(Language.EN);
		String hant = get.apply(Language.ZH_HANT);
		String hans = get.apply(Language.ZH_HANS);
		String any = Objects.requireNonNullElse(en, Objects.requireNonNullElse(hant, hans));
		return LocalizedText.of(first(hant, hans, any), first(hans, hant, any), first(en, hant, any));
	}

	private static String first(String a, String b, String c) {
		return a != null ? a : b != null ? b : c;
	}

	private static JsonNode parse(String json, Findings findings) {
		if (json == null || json.isBlank()) {
			throw findings.add("calendar.file.empty").problem();
		}
		try {
			String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
			return JSON.readTree(text);
		}
		catch (JacksonException e) {
			throw findings.add("calendar.file.notJson").problem();
		}
	}

	private static LocalDate date(JsonNode node, int index, Findings findings) {
		if (node == null || !node.isString()) {
			findings.add("calendar.file.dateMissing", index);
			return null;
		}
		try {
			return LocalDate.parse(node.stringValue(), ISO_DATE);
		}
		catch (DateTimeException e) {
			findings.add("calendar.file.dateInvalid", index, node.stringValue());
			return null;
		}
	}

	private static Problem problem(List<Problem.FieldError> errors) {
		List<Problem.FieldError> shown = errors.size() > MAX_FINDINGS ? errors.subList(0, MAX_FINDINGS) : errors;
		return new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid", shown);
	}

	/** Findings against one form field. */
	private static final class Findings {

		final String field;

		final List<Problem.FieldError> errors = new ArrayList<>();

		Findings(String field) {
			this.field = field;
		}

		Findings add(String key, Object... args) {
			errors.add(new Problem.FieldError(field, key, args));
			return this;
		}

		Problem problem() {
			return CalendarFiles.problem(errors);
		}

		void throwIfAny() {
			if (!errors.isEmpty()) {
				throw problem();
			}
		}

	}

}
