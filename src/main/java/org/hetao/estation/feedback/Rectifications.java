package org.hetao.estation.feedback;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectifications: an officer sees and works on their own department's, a supervisor sees all and closes them
 * or sends them back.
 */
@Service
public class Rectifications {

	private final FeedbackStore store;

	private final Clock clock;

	Rectifications(FeedbackStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	static boolean supervises(EstationUser user) {
		return user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN);
	}

	public List<Rectification> visibleTo(EstationUser user, RectificationStatus status) {
		if (supervises(user)) {
			return store.rectifications(null, status);
		}
		List<Rectification> list = new ArrayList<>();
		if (user.hasRole(Role.OFFICER) && user.departmentCode() != null) {
			list.addAll(store.rectifications(user.departmentCode(), status));
		}
		if (user.hasRole(Role.HALL_MANAGER)) {
			store.rectifications(null, status)
				.stream()
				.filter(r -> r.windowNumber() != null && list.stream().noneMatch(x -> x.id() == r.id()))
				.forEach(list::add);
		}
		return list;
	}

	public List<Rectification> all(RectificationStatus status) {
		return store.rectifications(null, status);
	}

	/** The department's officers work on it; the hall manager on a counter service's (the window's). */
	public static boolean worksOn(EstationUser user, Rectification r) {
		boolean ownDepartment = user.hasRole(Role.OFFICER) && user.departmentCode() != null
				&& user.departmentCode().equals(r.departmentCode());
		return ownDepartment || (user.hasRole(Role.HALL_MANAGER) && r.windowNumber() != null);
	}

	/** One rectification, if the user may see it: the department's officers and supervisors. */
	public Rectification get(EstationUser user, long id) {
		Rectification r = store.rectification(id).orElseThrow(() -> Problem.notFound("feedback.rectification.notFound"));
		if (!worksOn(user, r) && !supervises(user)) {
			throw Problem.notFound("feedback.rectification.notFound");
		}
		return r;
	}

	/** The department records what it did and how it followed up with the applicant. */
	@Transactional
	public Rectification record(EstationUser officer, long id, int version, String actionTaken, String followUp) {
		Rectification r = get(officer, id);
		if (!worksOn(officer, r)) {
			throw Problem.forbidden("feedback.rectification.notYours");
		}
		List<Problem.FieldError> errors = new ArrayList<>();
		if (actionTaken == null || actionTaken.isBlank()) {
			errors.add(new Problem.FieldError("actionTaken", "feedback.rectification.actionTaken.required"));
		}
		if (followUp == null || followUp.isBlank()) {
			errors.add(new Problem.FieldError("followUp", "feedback.rectification.followUp.required"));
		}
		if ((actionTaken != null && actionTaken.length() > 2000) || (followUp != null && followUp.length() > 2000)) {
			errors.add(new Problem.FieldError("actionTaken", "feedback.comment.tooLong"));
		}
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "feedback.rectification.invalid", errors);
		}
		move(r, RectificationStatus.SUBMITTED);
		int updated = store.jdbc.sql("""
				update feedback_rectification set status = 'SUBMITTED', action_taken = :a, follow_up = :f, submitted_at = :now,
				       version = version + 1
				where id = :id and version = :v and status = 'OPEN'
				""")
			.param("a", actionTaken.strip())
			.param("f", followUp.strip())
			.param("now", ts(clock.instant()))
			.param("id", id)
			.param("v", version)
			.update();
		return reread(id, updated);
	}

	/** The supervisor accepts the rectification ({@code close}) or sends it back to the department. */
	@Transactional
	public Rectification review(EstationUser supervisor, long id, int version, boolean close, String note) {
		if (!supervises(supervisor)) {
			throw Problem.forbidden("feedback.rectification.supervisorOnly");
		}
		Rectification r = get(supervisor, id);
		if (!close && (note == null || note.isBlank())) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "feedback.rectification.invalid",
					List.of(new Problem.FieldError("reviewNote", "feedback.rectification.reviewNote.required")));
		}
		RectificationStatus to = close ? RectificationStatus.CLOSED : RectificationStatus.OPEN;
		move(r, to);
		int updated = store.jdbc.sql("""
				update feedback_rectification set status = :to, review_note = :n, closed_at = :closed, version = version + 1
				where id = :id and version = :v and status = 'SUBMITTED'
				""")
			.param("to", to.name())
			.param("n", note == null || note.isBlank() ? null : note.strip())
			.param("closed", close ? ts(clock.instant()) : null)
			.param("id", id)
			.param("v", version)
			.update();
		return reread(id, updated);
	}

	/** The rectification as the guarded update left it; a conflict when someone else changed it first. */
	private Rectification reread(long id, int rowsUpdated) {
		if (rowsUpdated != 1) {
			throw Problem.conflict("feedback.rectification.stale");
		}
		return store.rectification(id).orElseThrow();
	}

	private static void move(Rectification r, RectificationStatus to) {
		if (!EvaluationRules.mayMove(r.status(), to)) {
			throw Problem.conflict("feedback.rectification.illegalTransition");
		}
	}

}
