package org.hetao.estation.casework.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.ApplicationPlan;
import org.hetao.estation.casework.Applying;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.Draft;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A draft application step by step: its task list, the shared facts, each item's own questions, the materials,
 * and checking the answers before submitting.
 */
@Controller
class DraftController {

	private final Applying applying;

	private final CaseReading reading;

	private final Documents documents;

	private final CaseViews views;

	private final org.hetao.estation.identity.Accounts accounts;

	private final org.hetao.estation.hall.SelfServiceKiosks kiosks;

	DraftController(Applying applying, CaseReading reading, Documents documents, CaseViews views, org.hetao.estation.identity.Accounts accounts, org.hetao.estation.hall.SelfServiceKiosks kiosks) {
		this.applying = applying;
		this.reading = reading;
		this.documents = documents;
		this.views = views;
		this.accounts = accounts;
		this.kiosks = kiosks;
	}

	// ------------------------------------------------------------------ the task list

	enum SectionStatus {
		NOT_STARTED, IN_PROGRESS, COMPLETED, OPTIONAL;

		public String messageKey() {
			return "casework.section." + name();
		}
	}

	record Section(org.hetao.estation.shared.LocalizedText name, String nameKey, String href, SectionStatus status) {
	}

	@GetMapping("/applications/drafts/{id}")
	String taskList(@PathVariable long id, Model model) {
		EstationUser user = CurrentUser.require();
		Draft draft = applying.draft(user, id);
		if (draft.submitted()) {
			return "redirect:" + afterSubmission(user, draft.caseId());
		}
		ApplicationPlan plan = applying.plan(draft);
		List<Section> sections = new ArrayList<>();
		String base = "/applications/drafts/" + id;
		if (!plan.sharedFields().isEmpty()) {
			boolean any = plan.sharedFields().stream().anyMatch(f -> draft.answers().containsKey(ApplicationPlan.sharedKey(f.key())));
			sections.add(new Section(null, "casework.draft.shared", base + "/shared",
					status(any, plan.checkShared(draft.answers()).isEmpty())));
		}
		for (ApplicationPlan.ItemPart part : plan.items()) {
			if (part.ownFields().isEmpty()) {
				continue;
			}
			boolean any = part.ownFields()
				.stream()
				.anyMatch(f -> draft.answers().containsKey(ApplicationPlan.itemKey(part.item().code(), f.key())));
			boolean valid = plan.checkItem(part.item().code(), draft.answers()).isEmpty();
			boolean nothingRequired = part.ownFields().stream().noneMatch(FormField::required);
			sections.add(new Section(part.item().name(), null, base + "/items/" + part.item().code(),
					nothingRequired && valid && !any ? SectionStatus.OPTIONAL : status(any, valid)));
		}
		if (!plan.materials().isEmpty()) {
			boolean any = !draft.materials().isEmpty();
			boolean complete = plan.checkMaterials(draft.materials()).isEmpty();
			sections.add(new Section(null, "casework.draft.materials", base + "/materials",
					draft.walkIn() != null && !any ? SectionStatus.OPTIONAL : status(any || complete, complete)));
		}
		model.addAttribute("draft", draft);
		model.addAttribute("plan", plan);
		model.addAttribute("planName", views.titleOf(draft.itemCode(), draft.matterCode()));
		model.addAttribute("sections", sections);
		model.addAttribute("completed", sections.stream().filter(s -> s.status() == SectionStatus.COMPLETED).count());
		return "casework/tasklist";
	}

	private static SectionStatus status(boolean started, boolean complete) {
		return complete && started ? SectionStatus.COMPLETED : started ? SectionStatus.IN_PROGRESS : SectionStatus.NOT_STARTED;
	}

	// ------------------------------------------------------------------ questions

	@GetMapping("/applications/drafts/{id}/shared")
	String shared(@PathVariable long id, Model model) {
		Draft draft = openDraft(id);
		return sharedPage(draft, Map.of(), model);
	}

	@PostMapping("/applications/drafts/{id}/shared")
	String processShared(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		openDraft(id);
		Draft draft = applying.saveAnswers(user, id, params);
		Map<String, String> errors = ApplicationsController.errors(applying.plan(draft).checkShared(draft.answers()));
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return sharedPage(draft, errors, model);
		}
		return "redirect:/applications/drafts/" + id;
	}

	private String sharedPage(Draft draft, Map<String, String> errors, Model model) {
		ApplicationPlan plan = applying.plan(draft);
		Map<String, String> known = draft.walkIn() == null && draft.answers().isEmpty() ? knownAbout(draft) : Map.of();
		List<ApplicationsController.Question> questions = plan.sharedFields().stream().map(f -> {
			String name = ApplicationPlan.sharedKey(f.key());
			String value = draft.answers().containsKey(name) ? draft.answers().get(name) : known.get(f.key());
			return new ApplicationsController.Question(name, ApplicationsController.idOf(name), f.label(), f.type(), f.required(), plan.optionsOf(f), value,
					errors.get(name));
		}).toList();
		model.addAttribute("draft", draft);
		model.addAttribute("questions", questions);
		model.addAttribute("errors", errors);
		model.addAttribute("sectionName", null);
		model.addAttribute("headingKey", "casework.draft.shared");
		model.addAttribute("action", "/applications/drafts/" + draft.id() + "/shared");
		return "casework/questions";
	}

	/**
	 * What the account already says about the applicant, offered in a new draft's shared questions (they can change
	 * it): the name of the person or the company the account is registered as, and its phone number.
	 */
	private Map<String, String> knownAbout(Draft draft) {
		return accounts.contact(draft.ownerAccountId()).map(c -> {
			Map<String, String> known = new java.util.HashMap<>();
			if (c.displayName() != null) {
				known.put(draft.applicantType() != null && draft.applicantType().isEnterprise() ? "companyName" : "fullName",
						c.displayName());
			}
			if (c.phone() != null) {
				known.put("contactPhone", c.phone());
			}
			return Map.copyOf(known);
		}).orElse(Map.of());
	}

	@GetMapping("/applications/drafts/{id}/items/{code}")
	String itemQuestions(@PathVariable long id, @PathVariable String code, Model model) {
		Draft draft = openDraft(id);
		return itemPage(draft, code, Map.of(), model);
	}

	@PostMapping("/applications/drafts/{id}/items/{code}")
	String processItemQuestions(@PathVariable long id, @PathVariable String code,
			@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		openDraft(id);
		Draft draft = applying.saveAnswers(user, id, params);
		Map<String, String> errors = ApplicationsController.errors(applying.plan(draft).checkItem(code, draft.answers()));
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return itemPage(draft, code, errors, model);
		}
		return "redirect:/applications/drafts/" + id;
	}

	private String itemPage(Draft draft, String code, Map<String, String> errors, Model model) {
		ApplicationPlan plan = applying.plan(draft);
		ApplicationPlan.ItemPart part = plan.items()
			.stream()
			.filter(p -> p.item().code().equals(code))
			.findFirst()
			.orElseThrow(() -> Problem.notFound("casework.error.unknownItem", code));
		List<ApplicationsController.Question> questions = part.ownFields().stream().map(f -> {
			String name = ApplicationPlan.itemKey(code, f.key());
			return new ApplicationsController.Question(name, ApplicationsController.idOf(name), f.label(), f.type(), f.required(), f.options(),
					draft.answers().get(name), errors.get(name));
		}).toList();
		model.addAttribute("draft", draft);
		model.addAttribute("questions", questions);
		model.addAttribute("errors", errors);
		model.addAttribute("sectionName", part.item().name());
		model.addAttribute("headingKey", "casework.draft.itemQuestions");
		model.addAttribute("filledLater", part.filledLater());
		model.addAttribute("action", "/applications/drafts/" + draft.id() + "/items/" + code);
		return "casework/questions";
	}

	// ------------------------------------------------------------------ materials

	record MaterialLine(ApplicationPlan.Material material, List<org.hetao.estation.shared.LocalizedText> itemNames,
			boolean requiredNow, DocumentInfo attached, String fileName, String reuseName, String error) {
	}

	@GetMapping("/applications/drafts/{id}/materials")
	String materials(@PathVariable long id, Model model) {
		Draft draft = openDraft(id);
		return materialsPage(draft, Map.of(), model);
	}

	@PostMapping("/applications/drafts/{id}/materials")
	String processMaterials(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request, Model model,
			HttpServletResponse response) throws IOException {
		EstationUser user = CurrentUser.require();
		Draft draft = openDraft(id);
		ApplicationPlan plan = applying.plan(draft);
		Map<String, String> errors = new LinkedHashMap<>();
		for (ApplicationPlan.Material m : plan.materials()) {
			String key = ApplicationPlan.materialKey(m.code());
			MultipartFile file = ApplicationsController.file(request, "file." + m.code());
			String reuse = request.getParameter("reuse." + m.code());
			try {
				if (file != null && !file.isEmpty()) {
					DocumentInfo doc = documents.upload(user.id(), file.getOriginalFilename(), file.getBytes(), key);
					applying.attach(user, id, m.code(), doc.id());
				}
				else if (reuse != null && !reuse.isBlank()) {
					applying.attach(user, id, m.code(), Long.parseLong(reuse));
				}
			}
			catch (Problem problem) {
				errors.put(key, problem.messageKey());
			}
			catch (NumberFormatException e) {
				errors.put(key, "casework.material.notYours");
			}
		}
		draft = applying.draft(user, id);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return materialsPage(draft, errors, model);
		}
		if ("stay".equals(request.getParameter("next"))) {
			return "redirect:/applications/drafts/" + id + "/materials";
		}
		return "redirect:/applications/drafts/" + id;
	}

	/** A form posted without any file (not multipart) is a form with no file, not a server error. */

	private String materialsPage(Draft draft, Map<String, String> errors, Model model) {
		EstationUser user = CurrentUser.require();
		ApplicationPlan plan = applying.plan(draft);
		List<MaterialLine> lines = plan.materials().stream().map(m -> {
			Long doc = draft.materials().get(m.code());
			DocumentInfo attached = doc == null ? null : documents.ownDocument(user, doc).orElse(null);
			List<org.hetao.estation.shared.LocalizedText> names = plan.items()
				.stream()
				.filter(p -> m.itemCodes().contains(p.item().code()))
				.map(p -> p.item().name())
				.toList();
			return new MaterialLine(m, names, plan.requiredAtSubmission(m) && draft.walkIn() == null, attached,
					"file." + m.code(), "reuse." + m.code(), errors.get(ApplicationPlan.materialKey(m.code())));
		}).toList();
		model.addAttribute("draft", draft);
		model.addAttribute("lines", lines);
		model.addAttribute("produced", plan.produced());
		model.addAttribute("errors", errors);
		model.addAttribute("myDocuments", documents.ownedBy(user.id()));
		model.addAttribute("maxMegabytes", documents.maxBytes() / (1024 * 1024));
		return "casework/materials";
	}

	// ------------------------------------------------------------------ check and submit

	@GetMapping("/applications/drafts/{id}/check")
	String check(@PathVariable long id, Model model) {
		Draft draft = openDraft(id);
		return checkPage(draft, ApplicationsController.errors(applying.check(draft)), model);
	}

	@PostMapping("/applications/drafts/{id}/submit")
	String submit(@PathVariable long id, Model model, HttpServletResponse response,
			jakarta.servlet.http.HttpServletRequest request) {
		EstationUser user = CurrentUser.require();
		try {
			Draft started = applying.draft(user, id);
			// a walk-in draft is submitted at the window; the applicant's own where the request comes from
			Applying.Receipt receipt = applying.submit(user, id,
					started.walkIn() != null ? CaseChannel.WINDOW : ApplicationsController.channelOf(kiosks, request));
			return "redirect:" + afterSubmission(user, receipt.caseId()) + "?submitted";
		}
		catch (Problem problem) {
			if (problem.fieldErrors().isEmpty()) {
				throw problem;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return checkPage(applying.draft(user, id), ApplicationsController.errors(problem.fieldErrors()), model);
		}
	}

	@PostMapping("/applications/drafts/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		applying.discard(CurrentUser.require(), id);
		redirect.addFlashAttribute("discarded", true);
		return "redirect:" + (CurrentUser.require().hasRole(Role.CLERK) ? "/window" : "/applications");
	}

	record Answer(org.hetao.estation.shared.LocalizedText label, String value, String href) {
	}

	record ItemAnswers(org.hetao.estation.shared.LocalizedText itemName, List<Answer> answers) {
	}

	private String checkPage(Draft draft, Map<String, String> errors, Model model) {
		EstationUser user = CurrentUser.require();
		ApplicationPlan plan = applying.plan(draft);
		String base = "/applications/drafts/" + draft.id();
		List<Answer> shared = plan.sharedFields()
			.stream()
			.map(f -> new Answer(f.label(), display(f.type(), plan.optionsOf(f), draft.answers().get(ApplicationPlan.sharedKey(f.key()))),
					base + "/shared"))
			.toList();
		List<ItemAnswers> items = plan.items()
			.stream()
			.filter(p -> !p.ownFields().isEmpty())
			.map(p -> new ItemAnswers(p.item().name(), p.ownFields()
				.stream()
				.map(f -> new Answer(f.label(), display(f.type(), f.options(),
						draft.answers().get(ApplicationPlan.itemKey(p.item().code(), f.key()))),
						base + "/items/" + p.item().code()))
				.toList()))
			.toList();
		List<MaterialLine> materials = plan.materials().stream().map(m -> {
			Long doc = draft.materials().get(m.code());
			return new MaterialLine(m, List.of(), plan.requiredAtSubmission(m) && draft.walkIn() == null,
					doc == null ? null : documents.ownDocument(user, doc).orElse(null), null, null,
					errors.get(ApplicationPlan.materialKey(m.code())));
		}).toList();
		model.addAttribute("draft", draft);
		model.addAttribute("planName", views.titleOf(draft.itemCode(), draft.matterCode()));
		model.addAttribute("shared", shared);
		model.addAttribute("items", items);
		model.addAttribute("materials", materials);
		model.addAttribute("produced", plan.produced());
		model.addAttribute("errors", errors);
		Map<String, String> labels = new LinkedHashMap<>();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		plan.sharedFields().forEach(f -> labels.put(ApplicationPlan.sharedKey(f.key()), f.label().in(locale)));
		plan.items().forEach(p -> p.ownFields().forEach(f -> labels.put(ApplicationPlan.itemKey(p.item().code(), f.key()),
				p.item().name().in(locale) + " · " + f.label().in(locale))));
		plan.materials().forEach(m -> labels.put(ApplicationPlan.materialKey(m.code()), m.requirement().name().in(locale)));
		model.addAttribute("errorLinks", errorLinks(errors, base, labels));
		return "casework/check";
	}

	record ErrorLink(String field, String messageKey, String href) {
	}

	private static List<ErrorLink> errorLinks(Map<String, String> errors, String base, Map<String, String> labels) {
		return errors.entrySet().stream().map(e -> {
			String f = e.getKey();
			String href = f.startsWith("shared.") ? base + "/shared#" + ApplicationsController.idOf(f)
					: f.startsWith("item.") ? base + "/items/" + f.substring(5, f.lastIndexOf('.')) + "#" + ApplicationsController.idOf(f)
							: base + "/materials#" + ApplicationsController.idOf(f);
			return new ErrorLink(labels.getOrDefault(f, f), e.getValue(), href);
		}).toList();
	}

	private static String display(org.hetao.estation.catalog.FieldType type, List<FormField.FieldOption> options,
			String value) {
		if (value == null) {
			return null;
		}
		if (type == org.hetao.estation.catalog.FieldType.SELECT) {
			return options.stream()
				.filter(o -> o.value().equals(value))
				.findFirst()
				.map(o -> o.label().in(org.springframework.context.i18n.LocaleContextHolder.getLocale()))
				.orElse(value);
		}
		return value;
	}

	private String afterSubmission(EstationUser user, long caseId) {
		CaseView c = reading.view(user, caseId);
		return c.applicant().walkIn() ? "/window/cases/" + caseId : "/applications/" + c.receiptNumber();
	}

	private Draft openDraft(long id) {
		Draft draft = applying.draft(CurrentUser.require(), id);
		if (draft.submitted()) {
			throw Problem.conflict("casework.error.draftSubmitted");
		}
		return draft;
	}

}
