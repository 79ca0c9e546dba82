package org.hetao.estation.park.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.hetao.estation.directory.Background;
import org.hetao.estation.directory.ResearchField;
import org.hetao.estation.directory.ScienceBase;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.park.internal.BusinessPlanCheck;
import org.hetao.estation.park.internal.BusinessPlans;
import org.hetao.estation.park.internal.Occupancy;
import org.hetao.estation.park.internal.ParkSpace;
import org.hetao.estation.park.internal.SettlementApplication;
import org.hetao.estation.park.internal.SettlementService;
import org.hetao.estation.park.internal.UnitState;
import org.hetao.estation.park.internal.UnitUse;
import org.hetao.estation.shared.Problem;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settlement applications: an enterprise applies and follows its own applications; the park operator
 * (and the administrator, as review committee) sees all of them and acts from the same page. The operator's desk
 * (the settlement queue beside the bases' occupancy) and the occupancy page are here too: the same applications and
 * the same units.
 */
@Controller
class SettlementController {

	private final SettlementService settlement;

	private final ParkSpace space;

	private final BusinessPlans plans;

	private final org.springframework.context.MessageSource messages;

	SettlementController(SettlementService settlement, ParkSpace space, BusinessPlans plans,
			org.springframework.context.MessageSource messages) {
		this.settlement = settlement;
		this.space = space;
		this.plans = plans;
		this.messages = messages;
	}

	/**
	 * Runs an action from the application's page. A refusal the user can fix (a missing reason, a unit
	 * just taken by someone else) comes back to the same page as an alert; anything else is an error page.
	 */
	private String act(long id, Runnable action, String doneKey, RedirectAttributes redirect,
			java.util.Locale locale) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneKey);
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.UNPROCESSABLE && problem.kind() != Problem.Kind.CONFLICT) {
				throw problem;
			}
			redirect.addFlashAttribute("actionError",
					messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(), locale));
		}
		return "redirect:/park/settlement/" + id;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("bases", ScienceBase.values());
		model.addAttribute("uses", UnitUse.values());
		model.addAttribute("backgrounds", Background.values());
		model.addAttribute("researchFields", ResearchField.values());
		model.addAttribute("maxPlanMegabytes", BusinessPlanCheck.MAX_BYTES / 1024 / 1024);
	}

	@GetMapping("/park/settlement")
	String list(Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("applications", settlement.visibleTo(user));
		model.addAttribute("mayApply", mayApply(user));
		model.addAttribute("mayManage", SettlementService.mayManage(user));
		return "park/settlement-list";
	}

	@GetMapping("/park/operations")
	String operations(Model model) {
		model.addAttribute("applications", settlement.visibleTo(CurrentUser.require()));
		addOccupancy(model);
		return "park/operations";
	}

	@GetMapping("/park/occupancy")
	String occupancy(Model model) {
		addOccupancy(model);
		model.addAttribute("buildingNames", space.buildings().stream().collect(Collectors.toMap(b -> b.code(), b -> b.name())));
		return "park/occupancy";
	}

	/** The four bases' units by state (for the chart and its table). */
	private void addOccupancy(Model model) {
		model.addAttribute("occupancy", new Occupancy(space.occupancy()));
		model.addAttribute("states", UnitState.values());
	}

	@GetMapping("/park/settlement/new")
	String initSettlementForm(Model model) {
		requireEnterprise();
		model.addAttribute("form", new SettlementForm());
		return "park/settlement-form";
	}

	@PostMapping("/park/settlement/new")
	String processSettlementForm(@Valid @ModelAttribute("form") SettlementForm form, BindingResult result,
			@RequestParam(name = "businessPlan", required = false) MultipartFile businessPlan, Model model,
			RedirectAttributes redirect) {
		EstationUser user = requireEnterprise();
		if (businessPlan == null || businessPlan.isEmpty()) {
			model.addAttribute("planError", "park.form.plan.EMPTY");
		}
		if (result.hasErrors() || model.containsAttribute("planError")) {
			return "park/settlement-form";
		}
		SettlementApplication created;
		try {
			created = settlement.submit(user, form.toNewSettlement(), MultipartPlan.of(businessPlan));
		}
		catch (Problem problem) {
			if (problem.fieldErrors().isEmpty()) {
				throw problem;
			}
			for (Problem.FieldError e : problem.fieldErrors()) {
				if (e.field().equals("businessPlan")) {
					model.addAttribute("planError", e.messageKey());
				}
				else {
					result.rejectValue(e.field(), e.messageKey());
				}
			}
			return "park/settlement-form";
		}
		redirect.addFlashAttribute("submitted", created.reference());
		return "redirect:/park/settlement/" + created.id();
	}

	@GetMapping("/park/settlement/{id}")
	String detail(@PathVariable long id, Model model) {
		EstationUser user = CurrentUser.require();
		SettlementApplication application = settlement.view(user, id);
		model.addAttribute("settlementApplication", application);
		model.addAttribute("steps", settlement.steps(user, id));
		model.addAttribute("units", space.unitsOf(id));
		boolean manage = SettlementService.mayManage(user);
		model.addAttribute("mayManage", manage);
		model.addAttribute("isOperator", user.hasRole(org.hetao.estation.identity.Role.PARK_OPERATOR));
		model.addAttribute("isOwner", application.applicantId() == user.id());
		if (manage) {
			model.addAttribute("vacantUnits", space.units(application.base(), UnitState.VACANT, null));
		}
		return "park/settlement-detail";
	}

	@PostMapping("/park/settlement/{id}/information")
	String supplyInformation(@PathVariable long id, @RequestParam int version, @RequestParam(defaultValue = "") String note,
			@RequestParam(name = "businessPlan", required = false) MultipartFile businessPlan,
			RedirectAttributes redirect, java.util.Locale locale) {
		return act(id, () -> settlement.supplyInformation(CurrentUser.require(), id, version, note,
				MultipartPlan.of(businessPlan)), "park.detail.done.information", redirect, locale);
	}

	@GetMapping("/park/settlement/{id}/plan")
	ResponseEntity<Resource> plan(@PathVariable long id) throws IOException {
		SettlementApplication application = settlement.view(CurrentUser.require(), id);
		Path file = plans.path(application.planStorageKey());
		if (!Files.exists(file)) {
			throw Problem.notFound("park.error.planMissing");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(application.planFileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

	@PostMapping("/park/operations/applications/{id}/screening")
	String screen(@PathVariable long id, @RequestParam int version, @RequestParam String outcome,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect, java.util.Locale locale) {
		return act(id, () -> settlement.screen(CurrentUser.require(), id, version, "COMPLETE".equals(outcome), note),
				"park.detail.done.screening", redirect, locale);
	}

	@PostMapping("/park/operations/applications/{id}/decision")
	String decide(@PathVariable long id, @RequestParam int version, @RequestParam String decision,
			@RequestParam(defaultValue = "") String text, RedirectAttributes redirect, java.util.Locale locale) {
		return act(id, () -> settlement.decide(CurrentUser.require(), id, version, "APPROVE".equals(decision), text),
				"park.detail.done.decision", redirect, locale);
	}

	@PostMapping("/park/operations/applications/{id}/allocation")
	String allocate(@PathVariable long id, @RequestParam int version,
			@RequestParam(name = "units", required = false) List<String> units, RedirectAttributes redirect,
			java.util.Locale locale) {
		return act(id, () -> settlement.allocate(CurrentUser.require(), id, version, units),
				"park.detail.done.allocation", redirect, locale);
	}

	private static boolean mayApply(EstationUser user) {
		return user.hasRole(org.hetao.estation.identity.Role.APPLICANT) && user.applicantType() != null
				&& user.applicantType().isEnterprise();
	}

	private static EstationUser requireEnterprise() {
		EstationUser user = CurrentUser.require();
		if (!mayApply(user)) {
			throw Problem.forbidden("park.error.enterprisesOnly");
		}
		return user;
	}

}
