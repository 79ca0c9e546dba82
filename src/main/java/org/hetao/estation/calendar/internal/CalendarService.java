package org.hetao.estation.calendar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.calendar.CalendarChanged;
import org.hetao.estation.calendar.CalendarFiles;
import org.hetao.estation.calendar.CalendarYear;
import org.hetao.estation.calendar.HolidayCalendar;
import org.hetao.estation.calendar.HolidayCalendars;
import org.hetao.estation.calendar.JurisdictionCalendars;
import org.hetao.estation.calendar.MissingYear;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The application's {@link WorkingCalendars}: the files of the configured locations (by default the
 * bundled ones), overridden year by year by the years administrators uploaded. Answers always come from
 * one immutable snapshot, replaced as a whole when a year is uploaded (also when another node uploaded
 * it: the store is checked every minute).
 */
@EnableConfigurationProperties(CalendarProperties.class)
@Service
public class CalendarService implements JurisdictionCalendars {

	private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

	/** Largest accepted upload: real year files are a few kilobytes. */
	public static final int MAX_FILE_BYTES = 512 * 1024;

	/** Years an administrator may upload. */
	public static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

	private record Snapshot(HolidayCalendars calendars, Map<Jurisdiction, List<LoadedYear>> loaded, String fingerprint) {
	}

	private final CalendarYearStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<CalendarYear> fileYears;

	private final CalendarProperties properties;

	private volatile Snapshot snapshot;

	public CalendarService(CalendarProperties properties, ResourceLoader resourceLoader, CalendarYearStore store,
			ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.fileYears = readLocations(properties.location(), new PathMatchingResourcePatternResolver(resourceLoader));
	}

	// ---------------------------------------------------------------- WorkingCalendars

	@Override
	public int warningDays() {
		return properties.warningDays();
	}

	@Override
	public int dueSoonWorkingDays() {
		return properties.dueSoonWorkingDays();
	}

	/** Today, on the injected clock: what the calendar's pages and API start from. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Years not loaded between today and {@link #warningDays()} days later. */
	public List<MissingYear> missingYears() {
		return missingYears(today());
	}

	// ---------------------------------------------------------------- administration

	@Override
	public HolidayCalendar calendar(Jurisdiction jurisdiction) {
		return calendars().calendar(jurisdiction);
	}

	/** The years in use, newest first, with where each comes from. */
	public List<LoadedYear> loadedYears(Jurisdiction jurisdiction) {
		return current().loaded().get(jurisdiction);
	}

	/**
	 * Loads a Mainland year file (holiday-cn format) in place of the current one for that year.
	 *
	 * @throws Problem (422, field {@code file}) when the file is not a valid calendar of that year; nothing changes
	 */
	@Transactional
	public LoadedYear uploadMainland(int year, String fileName, byte[] content, String uploadedBy) {
		checkYear(year);
		String text = text(content, "file");
		CalendarYear parsed = CalendarFiles.readMainland(text, year, "file", source(fileName, uploadedBy));
		return save(parsed, uploadedBy);
	}

	/**
	 * Loads a Hong Kong year from the 1823 feed's language files (fields {@code en}, {@code tc},
	 * {@code sc}; at least one) in place of the current one for that year.
	 *
	 * @throws Problem (422) when the files are not valid calendars of that year; nothing changes
	 */
	@Transactional
	public LoadedYear uploadHongKong(int year, Map<Language, NamedFile> files, String uploadedBy) {
		checkYear(year);
		Map<Language, String> texts = new EnumMap<>(Language.class);
		Map<Language, String> fields = new EnumMap<>(Language.class);
		List<String> names = new ArrayList<>();
		files.forEach((language, file) -> {
			String field = HolidayCalendars.HK_FEED_FILES.get(language);
			fields.put(language, field);
			texts.put(language, text(file.content(), field));
			names.add(file.name());
		});
		if (texts.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
					List.of(new Problem.FieldError("en", "calendar.file.missing")));
		}
		CalendarYear parsed = CalendarFiles.readHongKongYear(texts, year, fields,
				source(String.join(", ", names), uploadedBy));
		return save(parsed, uploadedBy);
	}

	/** An uploaded file. */
	public record NamedFile(String name, byte[] content) {
	}

	/**
	 * Removes an uploaded year: the file of the configured locations (if any) is used again.
	 *
	 * @throws Problem 404 when that year was not uploaded
	 */
	@Transactional
	public void removeUpload(Jurisdiction jurisdiction, int year, String removedBy) {
		if (!store.delete(jurisdiction, year)) {
			throw Problem.notFound("calendar.admin.notUploaded", jurisdiction.name(), year);
		}
		events.publishEvent(new CalendarChanged(jurisdiction, year, removedBy, clock.instant()));
	}

	private LoadedYear save(CalendarYear year, String uploadedBy) {
		Instant now = clock.instant();
		store.save(year, uploadedBy, now);
		events.publishEvent(new CalendarChanged(year.jurisdiction(), year.year(), uploadedBy, now));
		log.info("Calendar {} {} uploaded by {}: {} days", year.jurisdiction(), year.year(), uploadedBy,
				year.days().size());
		return LoadedYear.of(year, uploadedBy, now);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void calendarChanged(CalendarChanged changed) {
		reload();
	}

	/** Notices years uploaded or removed on another node. */
	@Scheduled(fixedDelayString = "${estation.calendar.refresh-interval:PT1M}", initialDelayString = "${estation.calendar.refresh-interval:PT1M}")
	public void refreshIfChanged() {
		Snapshot current = snapshot;
		if (current != null && !current.fingerprint().equals(store.fingerprint())) {
			reload();
		}
	}

	/** Rebuilds the calendars from the files and the stored years. */
	public synchronized void reload() {
		String fingerprint = store.fingerprint();
		List<CalendarYear> years = new ArrayList<>(fileYears);
		Map<String, LoadedYear> loaded = new LinkedHashMap<>();
		fileYears.forEach(y -> loaded.put(y.jurisdiction() + "-" + y.year(), LoadedYear.of(y, null, null)));
		for (CalendarYearStore.StoredYear stored : store.findAll()) {
			years.add(stored.year());
			loaded.put(stored.year().jurisdiction() + "-" + stored.year().year(),
					LoadedYear.of(stored.year(), stored.uploadedBy(), stored.uploadedAt()));
		}
		Map<Jurisdiction, List<LoadedYear>> byJurisdiction = new EnumMap<>(Jurisdiction.class);
		for (Jurisdiction jurisdiction : Jurisdiction.values()) {
			byJurisdiction.put(jurisdiction, loaded.values()
				.stream()
				.filter(l -> l.jurisdiction() == jurisdiction)
				.sorted(Comparator.comparingInt(LoadedYear::year).reversed())
				.toList());
		}
		snapshot = new Snapshot(HolidayCalendars.of(years), byJurisdiction, fingerprint);
	}

	private HolidayCalendars calendars() {
		return current().calendars();
	}

	private Snapshot current() {
		Snapshot current = snapshot;
		if (current == null) {
			reload();
			current = snapshot;
		}
		return current;
	}

	private static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
					List.of(new Problem.FieldError("year", "calendar.upload.yearRange", FIRST_YEAR, LAST_YEAR)));
		}
	}

	private static String text(byte[] content, String field) {
		if (content == null || content.length == 0) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
					List.of(new Problem.FieldError(field, "calendar.file.empty")));
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
					List.of(new Problem.FieldError(field, "calendar.file.tooLarge", MAX_FILE_BYTES / 1024)));
		}
		var decoder = StandardCharsets.UTF_8.newDecoder();
		try {
			return decoder.decode(java.nio.ByteBuffer.wrap(content)).toString();
		}
		catch (java.nio.charset.CharacterCodingException e) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
					List.of(new Problem.FieldError(field, "calendar.file.notUtf8")));
		}
	}

	private static String source(String fileName, String uploadedBy) {
		String name = fileName == null || fileName.isBlank() ? "-" : fileName.strip();
		return "upload " + name + " by " + uploadedBy;
	}

	/** Reads every location's files; a broken file stops the start-up with its name and findings. */
	static List<CalendarYear> readLocations(List<String> locations, ResourcePatternResolver resolver) {
		List<CalendarYear> years = new ArrayList<>();
		for (String location : locations) {
			try {
				for (Resource resource : resolver.getResources(location + "cn/*.json")) {
					String name = resource.getFilename();
					if (name == null || !name.matches("\\d{4}\\.json")) {
						continue;
					}
					int year = Integer.parseInt(name.substring(0, 4));
					years.add(read(resource, text -> CalendarFiles.readMainland(text, year, "file", location + "cn/" + name)));
				}
				Map<Language, String> feed = new EnumMap<>(Language.class);
				for (Map.Entry<Language, String> file : HolidayCalendars.HK_FEED_FILES.entrySet()) {
					Resource resource = resolver.getResource(location + "hk/1823-" + file.getValue() + ".json");
					if (resource.exists()) {
						feed.put(file.getKey(), resource.getContentAsString(StandardCharsets.UTF_8));
					}
				}
				if (!feed.isEmpty()) {
					years.addAll(read(null, text -> CalendarFiles.readHongKongFeed(feed, location + "hk/1823-*.json")));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read calendars from " + location, e);
			}
			log.info("Calendars read from {}", location);
		}
		return years;
	}

	private static <T> T read(Resource resource, java.util.function.Function<String, T> reader) throws IOException {
		try {
			return reader.apply(resource == null ? null : resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (Problem problem) {
			throw new IllegalStateException("Invalid calendar file " + (resource == null ? "" : resource.getDescription())
					+ ": " + problem.fieldErrors().stream().map(e -> e.messageKey() + java.util.Arrays.toString(e.args())).toList(),
					problem);
		}
	}

}
