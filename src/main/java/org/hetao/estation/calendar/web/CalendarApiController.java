package org.hetao.estation.calendar.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.calendar.MissingYear;
import org.hetao.estation.calendar.WorkingCalendars.Deadline;
import org.hetao.estation.calendar.internal.CalendarService;
import org.hetao.estation.calendar.internal.CalendarService.NamedFile;
import org.hetao.estation.calendar.internal.LoadedYear;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Working days of the Mainland and Hong Kong for integrators and the pages' deadline previews. */
@RestController
@RequestMapping(path = "/api/v1/calendars", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendars", description = "Mainland (CN) and Hong Kong (HK) working days and deadlines")
class CalendarApiController {

	/** Whether a day is a working day. */
	record WorkingDayAnswer(LocalDate date, boolean workingDay) {
	}

	/** The n-th working day after the start; provisional when it used a year whose calendar is not loaded. */
	record DeadlineAnswer(LocalDate start, int workingDays, LocalDate deadline, boolean provisional) {
	}

	/** A loaded year of a calendar. */
	record YearAnswer(int year, int holidays, int makeUpWorkingDays, boolean uploaded, String uploadedBy,
			Instant uploadedAt) {

		/** For anyone: who uploaded a year is not public. */
		static YearAnswer of(LoadedYear year) {
			return new YearAnswer(year.year(), year.holidays(), year.makeUpWorkingDays(), year.uploaded(), null,
					year.uploadedAt());
		}

		/** For the administrator who uploaded it. */
		static YearAnswer withUploader(LoadedYear year) {
			return new YearAnswer(year.year(), year.holidays(), year.makeUpWorkingDays(), year.uploaded(),
					year.uploadedBy(), year.uploadedAt());
		}
	}

	/** Years that deadlines will soon run into but whose calendar is not loaded. */
	record CoverageAnswer(LocalDate today, int lookAheadDays, List<MissingYear> missingYears) {
	}

	private final CalendarService calendars;

	CalendarApiController(CalendarService calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/{jurisdiction}/days/{date}")
	@Operation(summary = "Is this day a working day?",
			description = "CN: a weekday unless a public holiday, a weekend day only when a make-up working day. "
					+ "HK: Monday to Friday unless a general holiday. Outside the loaded years, weekends only.")
	WorkingDayAnswer day(@Parameter(description = "CN or HK") @PathVariable String jurisdiction,
			@Parameter(description = "yyyy-MM-dd") @PathVariable String date) {
		Jurisdiction j = CalendarRequests.jurisdiction(jurisdiction);
		LocalDate d = CalendarRequests.date(date, "date");
		return new WorkingDayAnswer(d, calendars.isWorkingDay(j, d));
	}

	@GetMapping("/{jurisdiction}/deadline")
	@Operation(summary = "The n-th working day after a start date",
			description = "The start day does not count; 0 working days gives the start date. provisional is true when "
					+ "a day on the way lies in a year whose official calendar is not loaded (judged by weekends only).")
	DeadlineAnswer deadline(@Parameter(description = "CN or HK") @PathVariable String jurisdiction,
			@Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) String start,
			@Parameter(description = "0 to 10000") @RequestParam(required = false) String workingDays) {
		Jurisdiction j = CalendarRequests.jurisdiction(jurisdiction);
		LocalDate s = CalendarRequests.date(start, "start");
		int n = CalendarRequests.workingDays(workingDays);
		Deadline deadline = calendars.addWorkingDays(j, s, n);
		return new DeadlineAnswer(s, n, deadline.date(), deadline.provisional());
	}

	@GetMapping("/{jurisdiction}/years")
	@Operation(summary = "The years whose official calendar is loaded, newest first")
	List<YearAnswer> years(@PathVariable String jurisdiction) {
		return calendars.loadedYears(CalendarRequests.jurisdiction(jurisdiction)).stream().map(YearAnswer::of).toList();
	}

	@GetMapping("/coverage")
	@Operation(summary = "Years not loaded between today and the warning days ahead (estation.calendar.warning-days, 90 by default)",
			description = "Deadlines in these years are provisional until an administrator loads the year.")
	CoverageAnswer coverage() {
		LocalDate today = calendars.today();
		return new CoverageAnswer(today, calendars.warningDays(),
				calendars.missingYears(today));
	}

	@PostMapping(path = "/CN/years/{year}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Load a Mainland year file (ADMIN)",
			description = "Part 'file': a holiday-cn year file {\"year\", \"papers\", \"days\": [{\"name\", \"date\", \"isOffDay\"}]}. "
					+ "It replaces the year's calendar; an invalid file changes nothing (422 with the findings).")
	YearAnswer uploadMainland(@PathVariable String year, @RequestPart(name = "file", required = false) MultipartFile file) {
		int y = year(year);
		if (file == null || file.isEmpty()) {
			throw missing("file");
		}
		LoadedYear loaded = calendars.uploadMainland(y, file.getOriginalFilename(), bytes(file),
				CurrentUser.require().username());
		return YearAnswer.withUploader(loaded);
	}

	@PostMapping(path = "/HK/years/{year}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Load a Hong Kong year (ADMIN)",
			description = "Parts 'en', 'tc', 'sc' (at least one): the 1823 general-holiday feed "
					+ "[{\"id\", \"name\", \"date\"}] in English, Traditional and Simplified Chinese, with that year's dates only.")
	YearAnswer uploadHongKong(@PathVariable String year, @RequestPart(name = "en", required = false) MultipartFile en,
			@RequestPart(name = "tc", required = false) MultipartFile tc,
			@RequestPart(name = "sc", required = false) MultipartFile sc) {
		int y = year(year);
		Map<Language, NamedFile> files = files(en, tc, sc);
		if (files.isEmpty()) {
			throw missing("en");
		}
		return YearAnswer.withUploader(calendars.uploadHongKong(y, files, CurrentUser.require().username()));
	}

	@DeleteMapping("/{jurisdiction}/years/{year}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an uploaded year (ADMIN)",
			description = "The year's file from the configured locations is used again, if there is one; 404 when the year was not uploaded.")
	void removeUpload(@PathVariable String jurisdiction, @PathVariable String year) {
		calendars.removeUpload(CalendarRequests.jurisdiction(jurisdiction), year(year), CurrentUser.require().username());
	}

	static Map<Language, NamedFile> files(MultipartFile en, MultipartFile tc, MultipartFile sc) {
		Map<Language, NamedFile> files = new EnumMap<>(Language.class);
		put(files, Language.EN, en);
		put(files, Language.ZH_HANT, tc);
		put(files, Language.ZH_HANS, sc);
		return files;
	}

	private static void put(Map<Language, NamedFile> files, Language language, MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			files.put(language, new NamedFile(file.getOriginalFilename(), bytes(file)));
		}
	}

	static byte[] bytes(MultipartFile file) {
		try {
			if (file.getSize() > CalendarService.MAX_FILE_BYTES) {
				throw new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
						List.of(new Problem.FieldError(file.getName(), "calendar.file.tooLarge",
								CalendarService.MAX_FILE_BYTES / 1024)));
			}
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int year(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw Problem.invalid("calendar.api.yearInvalid", value);
		}
	}

	private static Problem missing(String field) {
		return new Problem(Problem.Kind.UNPROCESSABLE, "calendar.file.invalid",
				List.of(new Problem.FieldError(field, "calendar.file.missing")));
	}

}
