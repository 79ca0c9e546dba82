package org.hetao.estation.park.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.park.internal.Notice;
import org.hetao.estation.park.internal.Notices;
import org.hetao.estation.park.internal.Occupancy;
import org.hetao.estation.park.internal.ParkSpace;
import org.hetao.estation.park.internal.SettlementApplication;
import org.hetao.estation.park.internal.SettlementService;
import org.hetao.estation.park.internal.SettlementState;
import org.hetao.estation.park.internal.Unit;
import org.hetao.estation.park.internal.UnitState;
import org.hetao.estation.park.internal.UnitUse;
import org.hetao.estation.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The park on the API: notices (public), occupancy and units (operator), settlement applications (own, or all for the operator). */
@RestController
@Tag(name = "Park", description = "Science bases, settlement (入駐) and leisure information (休閒資訊)")
class ParkApiController {

	private final Notices notices;

	private final ParkSpace space;

	private final SettlementService settlement;

	ParkApiController(Notices notices, ParkSpace space, SettlementService settlement) {
		this.notices = notices;
		this.space = space;
		this.settlement = settlement;
	}

	@GetMapping("/api/v1/notices")
	@Operation(summary = "Leisure-information notices current today")
	List<Notice> notices() {
		return notices.current();
	}

	/** Occupancy of one base or building. */
	record OccupancyLine(String code, ScienceBase base, BigDecimal totalM2, Map<UnitState, BigDecimal> byState,
			Map<UnitUse, Map<UnitState, BigDecimal>> byUse) {

		static OccupancyLine of(Occupancy.Line line) {
			return new OccupancyLine(line.key(), line.base(), line.total(), line.byState(), line.byUse());
		}

	}

	record OccupancyView(BigDecimal totalM2, List<OccupancyLine> bases, List<OccupancyLine> buildings) {
	}

	@GetMapping("/api/v1/park/occupancy")
	@Operation(summary = "Area vacant, reserved and occupied, by base and building, by use (park operator)")
	OccupancyView occupancy() {
		Occupancy o = new Occupancy(space.occupancy());
		return new OccupancyView(o.total(), o.bases().stream().map(OccupancyLine::of).toList(),
				o.buildings().stream().map(OccupancyLine::of).toList());
	}

	@GetMapping("/api/v1/park/units")
	@Operation(summary = "Units, filtered by base, state and use (park operator)")
	List<Unit> units(@RequestParam(required = false) ScienceBase base, @RequestParam(required = false) UnitState state,
			@RequestParam(required = false) UnitUse use) {
		return space.units(base, state, use);
	}

	/** A settlement application as its applicant and the operator see it (never the storage key). */
	record SettlementView(long id, String reference, String companyName, String companyNameEn, ScienceBase base,
			BigDecimal areaWanted, UnitUse useWanted, LocalDate moveInDate, int teamSize, int hkTeamMembers, int hkShare,
			Background background, List<ResearchField> fields, SettlementState state, LocalDate dueDate,
			boolean dueProvisional, String conditions, String organisationCode, OffsetDateTime submittedAt, int version,
			String businessPlan, List<SettlementApplication.Step> steps) {

		static SettlementView of(SettlementApplication a, List<SettlementApplication.Step> steps) {
			return new SettlementView(a.id(), a.reference(), a.companyName(), a.companyNameEn(), a.base(),
					a.areaWanted(), a.useWanted(), a.moveInDate(), a.teamSize(), a.hkTeamMembers(), a.hkShare(),
					a.background(), a.fields(), a.state(), a.dueDate(), a.dueProvisional(), a.conditions(),
					a.organisationCode(), a.submittedAt(), a.version(), a.planFileName(), steps);
		}

	}

	@GetMapping("/api/v1/park/settlement-applications")
	@Operation(summary = "Settlement applications: the applicant's own, or all for the park operator")
	List<SettlementView> applications() {
		return settlement.visibleTo(CurrentUser.require()).stream().map(a -> SettlementView.of(a, null)).toList();
	}

	@GetMapping("/api/v1/park/settlement-applications/{id}")
	@Operation(summary = "One settlement application with its recorded steps")
	SettlementView application(@PathVariable long id) {
		EstationUser user = CurrentUser.require();
		return SettlementView.of(settlement.view(user, id), settlement.steps(user, id));
	}

	@PostMapping(path = "/api/v1/park/settlement-applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "An enterprise applies to settle: JSON part 'application' and PDF part 'businessPlan'")
	SettlementView apply(@Valid @RequestPart("application") SettlementForm application,
			@RequestPart(name = "businessPlan", required = false) MultipartFile businessPlan) {
		EstationUser user = CurrentUser.require();
		SettlementApplication created = settlement.submit(user, application.toNewSettlement(),
				MultipartPlan.of(businessPlan));
		return SettlementView.of(created, settlement.steps(user, created.id()));
	}

	/** The operator's allocation request. */
	record AllocationRequest(int version, List<String> units) {
	}

	@PostMapping("/api/v1/park/settlement-applications/{id}/allocation")
	@Operation(summary = "Allocate vacant units to an approved application (park operator)")
	SettlementView allocate(@PathVariable long id, @RequestBody AllocationRequest request) {
		EstationUser user = CurrentUser.require();
		if (request == null) {
			throw Problem.invalid("error.invalidInput");
		}
		return SettlementView.of(settlement.allocate(user, id, request.version(), request.units()),
				settlement.steps(user, id));
	}

}
