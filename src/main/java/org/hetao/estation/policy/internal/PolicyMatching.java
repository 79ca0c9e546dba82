package org.hetao.estation.policy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.policy.EnterprisesNotified;
import org.hetao.estation.policy.Policy;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 免申即享: an officer of the policy's department runs it against every registered enterprise profile,
 * sees who qualifies, and notifies them: each is granted the benefit once (a {@link Grants} row per policy and
 * enterprise) and an event tells the notification module to write the messages.
 */
@Service
public class PolicyMatching {

	private final PolicyLibrary library;

	private final Profiles profiles;

	private final MatchRuns runs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Grants grants;

	PolicyMatching(PolicyLibrary library, Profiles profiles, MatchRuns runs, ApplicationEventPublisher events,
			Clock clock, Grants grants) {
		this.grants = grants;
		this.library = library;
		this.profiles = profiles;
		this.runs = runs;
		this.events = events;
		this.clock = clock;
	}

	/** The policies this officer may run: their department's. */
	public List<Policy> policiesOf(EstationUser officer) {
		return library.all().stream().filter(p -> p.departmentCode().equals(officer.departmentCode())).toList();
	}

	@Transactional
	public MatchRuns.MatchRun run(String policyCode, EstationUser officer) {
		Policy policy = library.find(policyCode).orElseThrow(() -> Problem.notFound("policy.notFound"));
		requireDepartment(officer, policy.departmentCode());
		LocalDate today = LocalDate.now(clock);
		List<Profiles.SavedProfile> population = profiles.enterprises();
		List<Long> qualified = population.stream()
			.filter(p -> library.evaluate(policy, p.profile(), today).verdict() == Eligibility.Verdict.QUALIFIES)
			.map(Profiles.SavedProfile::accountId)
			.toList();
		long id = runs.create(policy.code(), policy.departmentCode(), officer.id(), clock.instant(), population.size(),
				qualified);
		return runs.find(id).orElseThrow();
	}

	public MatchRuns.MatchRun find(long runId, EstationUser officer) {
		MatchRuns.MatchRun run = runs.find(runId).orElseThrow(() -> Problem.notFound("policy.run.notFound"));
		requireDepartment(officer, run.departmentCode());
		return run;
	}

	@Transactional
	public MatchRuns.MatchRun notifyQualified(long runId, EstationUser officer) {
		MatchRuns.MatchRun run = find(runId, officer);
		Instant now = clock.instant();
		if (!runs.markNotified(runId, now)) {
			throw Problem.conflict("policy.run.alreadyNotified");
		}
		// one grant per (policy, enterprise): an enterprise granted before (another run) is neither granted nor told again
		Policy policy = library.find(run.policyCode()).orElseThrow(() -> Problem.notFound("policy.notFound"));
		LocalDate today = LocalDate.now(clock);
		List<org.hetao.estation.policy.PolicyGrants.Grant> granted = run.recipients()
			.stream()
			.flatMap(account -> grants.grant(policy, account, run.id(), today, now).stream())
			.toList();
		events.publishEvent(new EnterprisesNotified(run.id(), run.policyCode(), run.departmentCode(),
				granted.stream().map(org.hetao.estation.policy.PolicyGrants.Grant::accountId).toList(), officer.id(), now,
				granted));
		return runs.find(runId).orElseThrow();
	}

	private static void requireDepartment(EstationUser officer, String departmentCode) {
		if (!officer.hasRole(Role.OFFICER) || !departmentCode.equals(officer.departmentCode())) {
			// Another department's policy or run: do not reveal it.
			throw Problem.notFound("policy.run.notFound");
		}
	}

}
