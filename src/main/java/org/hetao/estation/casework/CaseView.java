package org.hetao.estation.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.catalog.Matter;

/**
 * A case as other modules see it: read only. Cases change only through {@link Applying}, {@link TaskHandling},
 * {@link ApplicantActions} and {@link DepartmentSystemActions}; what changed reaches other modules as events
 * ({@link CaseSubmitted}, {@link TaskAccepted}, {@link TaskDecided}…).
 */
public interface CaseView {

	Long id();

	String receiptNumber();

	Applicant applicant();

	String matterCode();

	CaseChannel channel();

	Instant submittedAt();

	List<Matter.OutputMapping> outputMappings();

	List<? extends TaskView> tasks();

	/** The case's task with this id; a not-found problem if the case has none. */
	TaskView task(long taskId);

	Optional<? extends TaskView> taskFor(String itemCode);

	CaseStatus status();

	/** The latest promised deadline of the case's tasks, if any task was accepted. */
	Optional<LocalDate> latestDeadline();

	List<TimelineEntry> timeline();

	/** The matter's promised completion date, once the last task of the submission is accepted. */
	default Optional<MatterPromise> promise(org.hetao.estation.calendar.WorkingCalendars calendars) {
		return MatterPromise.of(tasks(), calendars);
	}

}
