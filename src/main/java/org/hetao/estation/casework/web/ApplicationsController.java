package org.hetao.estation.casework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.casework.ApplicationPlan;
import org.hetao.estation.casework.Applying;
import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseReading;
import org.hetao.estation.casework.Draft;
import org.hetao.estation.catalog.FormField;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An applicant's applications: the list of their drafts and cases, and starting an application where it is offered
 * to them. The draft's steps are {@link DraftController}'s, a case's {@link MyCaseController}'s; the pieces of their
 * forms are here.
 */
@Controller
class ApplicationsController {

	private final Applying applying;

	private final CaseReading reading;

	private final CaseViews views;

	private final org.hetao.estation.hall.SelfServiceKiosks kiosks;

	ApplicationsController(Applying applying, CaseReading reading, CaseViews views, org.hetao.estation.hall.SelfServiceKiosks kiosks) {
		this.applying = applying;
		this.reading = reading;
		this.views = views;
		this.kiosks = kiosks;
	}

	// ------------------------------------------------------------------ my applications

	@GetMapping("/applications")
	String myApplications(Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("drafts", applying.openDrafts(user)
			.stream()
			.filter(d -> d.walkIn() == null)
			.map(d -> new DraftLine(d, views.titleOf(d.itemCode(), d.matterCode())))
			.toList());
		model.addAttribute("cases", reading.mine(user).stream().map(c -> views.of(c, user)).toList());
		return "casework/applications";
	}

	record DraftLine(Draft draft, org.hetao.estation.shared.LocalizedText name) {
	}

	// ------------------------------------------------------------------ starting

	/**
	 * Where an applicant's own request applies through: a registered cross-border self-service kiosk of the hall,
	 * else online. Decided by the device, never by a form field.
	 */
	static CaseChannel channelOf(org.hetao.estation.hall.SelfServiceKiosks kiosks,
			jakarta.servlet.http.HttpServletRequest request) {
		return kiosks.isKiosk(request) ? CaseChannel.KIOSK : CaseChannel.ONLINE;
	}

	@GetMapping("/applications/new")
	String start(@RequestParam(required = false) String item, @RequestParam(required = false) String matter,
			Model model, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		org.hetao.estation.shared.ApplicantType type = applicantType(user);
		CaseChannel channel = channelOf(kiosks, request);
		ApplicationPlan plan;
		try {
			plan = applying.plan(item, matter, type, channel);
		}
		catch (Problem notForThem) {
			if (Applying.CHANNEL_NOT_OFFERED.equals(notForThem.messageKey()) && item != null) {
				response.setStatus(notForThem.kind().status());
				return channelNotOffered(reading.item(item), channel, model);
			}
			if (!"casework.error.notForApplicantType".equals(notForThem.messageKey()) || item == null) {
				throw notForThem;
			}
			// not a bad request but a person in the wrong place: say why, and where to go instead
			ServiceItem wanted = reading.item(item);
			model.addAttribute("item", wanted);
			model.addAttribute("myType", type);
			model.addAttribute("servedTypes", java.util.Arrays.stream(org.hetao.estation.shared.ApplicantType.values())
				.filter(wanted::serves)
				.toList());
			return "casework/not-for-you";
		}
		model.addAttribute("plan", plan);
		model.addAttribute("item", item);
		model.addAttribute("matter", matter);
		model.addAttribute("planName", views.titleOf(item, plan.matter() == null ? null : plan.matter().code()));
		return "casework/start";
	}

	@PostMapping("/applications/new")
	String processStart(@RequestParam(required = false) String item, @RequestParam(required = false) String matter,
			Model model, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		CaseChannel channel = channelOf(kiosks, request);
		try {
			Draft draft = applying.start(user, item, matter, applicantType(user), null, channel);
			return "redirect:/applications/drafts/" + draft.id();
		}
		catch (Problem refused) {
			if (!Applying.CHANNEL_NOT_OFFERED.equals(refused.messageKey()) || item == null) {
				throw refused;
			}
			response.setStatus(refused.kind().status());
			return channelNotOffered(reading.item(item), channel, model);
		}
	}

	/**
	 * An item not offered where the person is: not an error of theirs but the wrong place. Says where it is
	 * offered and what they can do: book a visit to the hall, use a cross-border self-service kiosk, apply online.
	 */
	private String channelNotOffered(ServiceItem item, CaseChannel channel, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("channel", channel);
		model.addAttribute("offered", item.channels().stream().sorted().toList());
		model.addAttribute("atWindow", item.channels().contains(org.hetao.estation.catalog.Channel.WINDOW));
		model.addAttribute("atKiosk", item.channels().contains(org.hetao.estation.catalog.Channel.CROSS_BORDER_SELF_SERVICE));
		model.addAttribute("online", item.channels().contains(org.hetao.estation.catalog.Channel.ONLINE));
		model.addAttribute("kioskLocations", kiosks.locations());
		return "casework/channel-not-offered";
	}

	private static org.hetao.estation.shared.ApplicantType applicantType(EstationUser user) {
		if (!user.hasRole(Role.APPLICANT) || user.applicantType() == null) {
			throw Problem.forbidden("casework.error.applicantsOnly");
		}
		return user.applicantType();
	}

	// ------------------------------------------------------------------ the forms' pieces

	record Question(String name, String id, org.hetao.estation.shared.LocalizedText label,
			org.hetao.estation.catalog.FieldType type, boolean required, List<FormField.FieldOption> options,
			String value, String error) {
	}

	static MultipartFile file(jakarta.servlet.http.HttpServletRequest request, String name) {
		MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
				MultipartHttpServletRequest.class);
		return multipart == null ? null : multipart.getFile(name);
	}

	static Map<String, String> errors(List<Problem.FieldError> errors) {
		Map<String, String> map = new LinkedHashMap<>();
		errors.forEach(e -> map.putIfAbsent(e.field(), e.messageKey()));
		return map;
	}

	static String idOf(String name) {
		return "f-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
	}

}
