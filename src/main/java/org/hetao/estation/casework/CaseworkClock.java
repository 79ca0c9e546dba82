package org.hetao.estation.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.casework.internal.Case;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.LateBeans;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The time casework runs on: the clock, today, the working calendars its deadlines count in, and a case step (who
 * acts, through which channel, when) built from them.
 */
@Component
public class CaseworkClock {

	private final Clock clock;

	private final Supplier<WorkingCalendars> calendars;

	CaseworkClock(Clock clock, ObjectProvider<WorkingCalendars> calendars) {
		this.clock = clock;
		this.calendars = LateBeans.one(calendars, WorkingCalendars::weekendsOnly);
	}

	public WorkingCalendars calendars() {
		return calendars.get();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Clock clock() {
		return clock;
	}

	Case.Step step(EstationUser user, CaseChannel channel) {
		return new Case.Step(actor(user), channel, clock.instant(), today(), calendars());
	}

	static Actor actor(EstationUser user) {
		if (user.hasRole(Role.OFFICER)) {
			return Actor.officer(user.id(), user.displayName(), user.departmentCode());
		}
		if (user.hasRole(Role.CLERK)) {
			return Actor.clerk(user.id(), user.displayName());
		}
		return Actor.applicant(user.id(), user.displayName());
	}

}
