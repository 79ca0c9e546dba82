package org.hetao.estation.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;

/**
 * An immutable set of calendars, one per jurisdiction: the plain-Java {@link WorkingCalendars}.
 * {@link #bundled()} gives the calendars shipped with the platform (for tests and tools); the running
 * application's {@link WorkingCalendars} bean adds configured and uploaded years on top.
 */
public final class HolidayCalendars implements JurisdictionCalendars {

	/** Where the bundled data lies on the class path. */
	public static final String BUNDLED_LOCATION = "calendar/";

	/** The Hong Kong feed's language files: {@code hk/1823-<suffix>.json}. */
	public static final Map<Language, String> HK_FEED_FILES = Map.of(Language.EN, "en", Language.ZH_HANT, "tc",
			Language.ZH_HANS, "sc");

	private final Map<Jurisdiction, HolidayCalendar> calendars;

	private HolidayCalendars(Map<Jurisdiction, HolidayCalendar> calendars) {
		this.calendars = calendars;
	}

	/** Calendars of these years; for a year given twice, the later one wins. */
	public static HolidayCalendars of(Collection<CalendarYear> years) {
		Map<Jurisdiction, HolidayCalendar> calendars = new EnumMap<>(Jurisdiction.class);
		for (Jurisdiction jurisdiction : Jurisdiction.values()) {
			calendars.put(jurisdiction,
					HolidayCalendar.of(jurisdiction, years.stream().filter(y -> y.jurisdiction() == jurisdiction).toList()));
		}
		return new HolidayCalendars(calendars);
	}

	private static volatile HolidayCalendars bundled;

	/** The calendars bundled with the platform ({@code classpath:calendar/}), read once. */
	public static HolidayCalendars bundled() {
		HolidayCalendars result = bundled;
		if (result == null) {
			result = of(readBundledYears());
			bundled = result;
		}
		return result;
	}

	/** The bundled years: holiday-cn files {@code cn/<year>.json} and the 1823 feed {@code hk/1823-*.json}. */
	static List<CalendarYear> readBundledYears() {
		ClassLoader loader = HolidayCalendars.class.getClassLoader();
		List<CalendarYear> years = new ArrayList<>();
		for (int year = 2000; year <= 2100; year++) {
			String path = BUNDLED_LOCATION + "cn/" + year + ".json";
			String text = read(loader, path);
			if (text != null) {
				years.add(CalendarFiles.readMainland(text, year, "file", "classpath:" + path));
			}
		}
		Map<Language, String> feed = new EnumMap<>(Language.class);
		HK_FEED_FILES.forEach((language, suffix) -> {
			String text = read(loader, BUNDLED_LOCATION + "hk/1823-" + suffix + ".json");
			if (text != null) {
				feed.put(language, text);
			}
		});
		if (!feed.isEmpty()) {
			years.addAll(CalendarFiles.readHongKongFeed(feed, "classpath:" + BUNDLED_LOCATION + "hk/1823-*.json"));
		}
		return years;
	}

	private static String read(ClassLoader loader, String path) {
		try (InputStream in = loader.getResourceAsStream(path)) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public HolidayCalendar calendar(Jurisdiction jurisdiction) {
		return calendars.get(Objects.requireNonNull(jurisdiction, "jurisdiction"));
	}

}
