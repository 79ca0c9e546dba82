package org.hetao.estation.park.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.directory.Directory;
import org.hetao.estation.directory.Organisation;
import org.hetao.estation.directory.OrganisationKind;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.park.SettlementStepTaken;
import org.hetao.estation.park.UnitsAllocated;
import org.hetao.estation.park.internal.SettlementLifecycle.Step;
import org.hetao.estation.shared.LocalizedText;
import org.hetao.estation.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settlement (入駐) from application to allocated units. Every step is recorded with who, when and
 * why, moves the application only from the state it was seen in, and publishes {@link SettlementStepTaken}.
 */
@Service
public class SettlementService {

	private final SettlementApplications applications;

	private final ParkSpace space;

	private final BusinessPlans plans;

	private final Deadlines deadlines;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public SettlementService(SettlementApplications applications, ParkSpace space, BusinessPlans plans,
			Deadlines deadlines, Directory directory, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.applications = applications;
		this.space = space;
		this.plans = plans;
		this.deadlines = deadlines;
		this.directory = directory;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** An enterprise applies; the business plan is checked by content and stored outside the database. */
	public SettlementApplication submit(EstationUser user, NewSettlement data, UploadedPlan plan) {
		if (!user.hasRole(Role.APPLICANT) || user.applicantType() == null || !user.applicantType().isEnterprise()) {
			throw Problem.forbidden("park.error.enterprisesOnly");
		}
		List<Problem.FieldError> errors = new ArrayList<>(check(data));
		planError(plan).ifPresent(errors::add);
		if (!errors.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.invalidApplication", errors);
		}
		String key = storePlan(plan);
		try {
			// TransactionTemplate (CONVENTIONS): the plan file, stored outside the database before, is deleted when the
			// transaction fails, its commit included
			return transactions.execute(tx -> {
				LocalDate today = LocalDate.now(clock);
				WorkingCalendars.Deadline due = deadlines.after(today, SettlementLifecycle.workingDaysIn(SettlementState.SUBMITTED).orElseThrow());
				SettlementApplication draft = new SettlementApplication(0, "PENDING-" + key, user.id(), user.username(),
						user.applicantType(), data.companyName().strip(), blankToNull(data.companyNameEn()),
						data.description().strip(), data.base(), data.areaWanted(), data.useWanted(), data.moveInDate(),
						data.teamSize(), data.hkTeamMembers(), data.background(), data.hkFacts().strip(), data.fields(),
						blankToNull(data.website()), data.contact().strip(), safeName(plan.fileName()), key, plan.size(),
						SettlementLifecycle.next(null, Step.SUBMIT), due.date(), due.provisional(), null, null,
						OffsetDateTime.now(clock), 0);
				long id = applications.insert(draft);
				String reference = String.format(Locale.ROOT, "PS-%d-%06d", today.getYear(), id);
				applications.setReference(id, reference);
				record(id, reference, Step.SUBMIT, null, user.username(), null);
				return applications.byId(id).orElseThrow();
			});
		}
		catch (RuntimeException e) {
			plans.delete(key);
			throw e;
		}
	}

	/** The applicant answers a request for more information (optionally with a new plan). */
	public SettlementApplication supplyInformation(EstationUser user, long id, int version, String note,
			UploadedPlan newPlan) {
		SettlementApplication a = view(user, id);
		if (a.applicantId() != user.id()) {
			throw Problem.forbidden("error.forbidden");
		}
		if (note == null || note.isBlank()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.invalidApplication",
					List.of(new Problem.FieldError("note", "park.form.required")));
		}
		String key = null;
		if (newPlan != null && newPlan.size() > 0) {
			Optional<Problem.FieldError> error = planError(newPlan);
			if (error.isPresent()) {
				throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.invalidApplication", List.of(error.get()));
			}
			key = storePlan(newPlan);
		}
		String newKey = key;
		try {
			// TransactionTemplate (CONVENTIONS): as in submit, the new plan file goes when the transaction fails
			return transactions.execute(tx -> {
				move(a, version, Step.SUPPLY_INFORMATION, user.username(), note.strip());
				if (newKey != null) {
					applications.replacePlan(id, safeName(newPlan.fileName()), newKey, newPlan.size());
				}
				return applications.byId(id).orElseThrow();
			});
		}
		catch (RuntimeException e) {
			if (newKey != null) {
				plans.delete(newKey);
			}
			throw e;
		}
	}

	/** The operator screens: the application is complete, or more information is needed (say what). */
	@Transactional
	public SettlementApplication screen(EstationUser user, long id, int version, boolean complete, String note) {
		requireOperator(user);
		if (!complete && (note == null || note.isBlank())) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.noteRequired",
					List.of(new Problem.FieldError("note", "park.error.noteRequired")));
		}
		SettlementApplication a = view(user, id);
		move(a, version, complete ? Step.COMPLETE_SCREENING : Step.REQUEST_MORE_INFORMATION, user.username(),
				blankToNull(note));
		return applications.byId(id).orElseThrow();
	}

	/** The review committee (park operator or administrator) approves with conditions or rejects with reasons. */
	@Transactional
	public SettlementApplication decide(EstationUser user, long id, int version, boolean approve, String text) {
		if (!user.hasRole(Role.PARK_OPERATOR) && !user.hasRole(Role.ADMIN)) {
			throw Problem.forbidden("error.forbidden");
		}
		if (!approve && (text == null || text.isBlank())) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.reasonsRequired",
					List.of(new Problem.FieldError("text", "park.error.reasonsRequired")));
		}
		SettlementApplication a = view(user, id);
		move(a, version, approve ? Step.APPROVE : Step.REJECT, user.username(), blankToNull(text));
		if (approve && text != null && !text.isBlank()) {
			applications.setConditions(id, text.strip());
		}
		return applications.byId(id).orElseThrow();
	}

	/**
	 * The operator allocates vacant units of the base applied for. All or nothing: a unit someone else
	 * took in the meantime fails the whole allocation with a conflict. The enterprise then joins the
	 * directory, in its unit.
	 */
	public SettlementApplication allocate(EstationUser user, long id, int version, List<String> unitCodes) {
		requireOperator(user);
		SettlementApplication a = view(user, id);
		List<String> codes = new ArrayList<>(new LinkedHashSet<>(unitCodes == null ? List.<String>of() : unitCodes));
		if (codes.isEmpty()) {
			throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.chooseUnits",
					List.of(new Problem.FieldError("units", "park.error.chooseUnits")));
		}
		String code = "settled-" + a.reference().toLowerCase(Locale.ROOT);
		try {
			// TransactionTemplate (CONVENTIONS): a conflict the database finds at commit is answered below as a taken unit
			return transactions.execute(tx -> {
				LocalDate today = LocalDate.now(clock);
				UnitState newState = a.moveInDate().isAfter(today) ? UnitState.RESERVED : UnitState.OCCUPIED;
				List<Unit> units = new ArrayList<>();
				for (String unitCode : codes) {
					Unit unit = space.unit(unitCode).orElseThrow(() -> Problem.notFound("park.error.noSuchUnit", unitCode));
					if (unit.base() != a.base()) {
						throw new Problem(Problem.Kind.UNPROCESSABLE, "park.error.wrongBase",
								List.of(new Problem.FieldError("units", "park.error.wrongBase", unitCode)), unitCode);
					}
					if (!space.take(unitCode, id, code, newState)) {
						throw Problem.conflict("park.error.unitTaken", unitCode);
					}
					units.add(unit);
				}
				move(a, version, Step.ALLOCATE, user.username(), String.join(", ", codes));
				applications.setOrganisation(id, code);
				directory.addSettledEnterprise(organisation(a, code, units), user.username());
				events.publishEvent(new UnitsAllocated(id, a.reference(), code, List.copyOf(codes), user.username()));
				return applications.byId(id).orElseThrow();
			});
		}
		catch (ConcurrencyFailureException e) {
			// The database refused a concurrent change of the same rows: the other allocation won.
			throw Problem.conflict("park.error.unitTaken", String.join(", ", codes));
		}
	}

	/** An application the user may see: their own, or any for the park operator and administrator; otherwise 404. */
	public SettlementApplication view(EstationUser user, long id) {
		SettlementApplication a = applications.byId(id).orElseThrow(() -> Problem.notFound("park.error.noSuchApplication"));
		if (mayManage(user) || a.applicantId() == user.id()) {
			return a;
		}
		throw Problem.notFound("park.error.noSuchApplication");
	}

	public List<SettlementApplication> visibleTo(EstationUser user) {
		return mayManage(user) ? applications.all() : applications.ofApplicant(user.id());
	}

	public List<SettlementApplication.Step> steps(EstationUser user, long id) {
		view(user, id);
		return applications.steps(id);
	}

	public static boolean mayManage(EstationUser user) {
		return user.hasRole(Role.PARK_OPERATOR) || user.hasRole(Role.ADMIN);
	}

	private void move(SettlementApplication a, int version, Step step, String actor, String note) {
		SettlementState to = SettlementLifecycle.next(a.state(), step);
		Optional<Integer> days = SettlementLifecycle.workingDaysIn(to);
		WorkingCalendars.Deadline due = days.map(d -> deadlines.after(LocalDate.now(clock), d)).orElse(null);
		if (!applications.move(a.id(), version, a.state(), to, due == null ? null : due.date(),
				due != null && due.provisional())) {
			throw Problem.conflict("error.concurrentChange");
		}
		record(a.id(), a.reference(), step, a.state(), actor, note);
	}

	private void record(long id, String reference, Step step, SettlementState from, String actor, String note) {
		applications.recordStep(id, step.name(), from, step.to(), actor, OffsetDateTime.now(clock), note);
		events.publishEvent(new SettlementStepTaken(id, reference, step.name(), step.to().name(), actor));
	}

	private Organisation organisation(SettlementApplication a, String code, List<Unit> units) {
		Unit first = units.get(0);
		Building building = space.building(first.buildingCode()).orElseThrow();
		// Spread the markers of one building a little so that they do not hide each other.
		BigDecimal offset = BigDecimal.valueOf((a.id() % 7) * 0.00015).setScale(6, RoundingMode.HALF_UP);
		String unitLabel = first.code() + (units.size() > 1 ? " +" + (units.size() - 1) : "");
		String nameEn = a.companyNameEn() == null ? a.companyName() : a.companyNameEn();
		String simplified = ZhConverterUtil.toSimple(a.companyName());
		return new Organisation(code, OrganisationKind.ENTERPRISE, LocalizedText.of(a.companyName(), simplified, nameEn),
				LocalizedText.of(a.description(), ZhConverterUtil.toSimple(a.description()), a.description()),
				a.background(), a.hkShare(), a.fields(),
				new Organisation.Location(a.base(), building.code(), String.valueOf(first.floor()), unitLabel,
						building.longitude().add(offset), building.latitude()),
				a.website(), a.contact(), null,
				"Settlement application " + a.reference() + ": facts as the enterprise gave them; description in the "
						+ "language it was written in. Map position: its building (illustrative geometry).",
				false, Organisation.Origin.SETTLEMENT, 0);
	}

	private List<Problem.FieldError> check(NewSettlement d) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (d.moveInDate() != null && d.moveInDate().isBefore(LocalDate.now(clock))) {
			errors.add(new Problem.FieldError("moveInDate", "park.form.moveInDate.past"));
		}
		if (d.hkTeamMembers() > d.teamSize()) {
			errors.add(new Problem.FieldError("hkTeamMembers", "park.form.hkTeamMembers.tooMany"));
		}
		return errors;
	}

	private static Optional<Problem.FieldError> planError(UploadedPlan plan) {
		if (plan == null) {
			return Optional.of(new Problem.FieldError("businessPlan", "park.form.plan.EMPTY"));
		}
		byte[] head;
		try (InputStream in = plan.open()) {
			head = in.readNBytes(8);
		}
		catch (IOException e) {
			head = new byte[0];
		}
		BusinessPlanCheck.Verdict verdict = BusinessPlanCheck.check(plan.size(), head);
		return verdict == BusinessPlanCheck.Verdict.OK ? Optional.empty()
				: Optional.of(new Problem.FieldError("businessPlan", "park.form.plan." + verdict.name()));
	}

	private String storePlan(UploadedPlan plan) {
		try (InputStream in = plan.open()) {
			return plans.store(in);
		}
		catch (IOException e) {
			throw new Problem(Problem.Kind.UNAVAILABLE, "park.error.storage");
		}
	}

	private static void requireOperator(EstationUser user) {
		if (!user.hasRole(Role.PARK_OPERATOR)) {
			throw Problem.forbidden("error.forbidden");
		}
	}

	private static String safeName(String name) {
		String base = name == null ? "business-plan.pdf" : name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
