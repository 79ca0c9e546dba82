package org.hetao.estation.privacy.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.privacy.PersonalDataRequests;
import org.hetao.estation.privacy.RetentionRules;
import org.hetao.estation.shared.PersonalDataContributor.Outcome;
import org.hetao.estation.shared.PersonalDataContributor.Result;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/** "My data": download everything held about me, ask for erasure. Only ever the signed-in applicant's own data. */
@Controller
class MyDataController {

	private final PersonalDataRequests requests;

	private final RetentionRules retention;

	private final ObjectMapper json;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	MyDataController(PersonalDataRequests requests, RetentionRules retention, ObjectMapper json,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.requests = requests;
		this.retention = retention;
		this.json = json;
		this.sessions = sessions;
	}

	@GetMapping("/account/data")
	String page(Model model) {
		model.addAttribute("rules", retention.all().values());
		model.addAttribute("confirmError", false);
		return "privacy/my-data";
	}

	@GetMapping("/account/data/export.json")
	ResponseEntity<byte[]> exportJson() {
		EstationUser user = CurrentUser.require();
		byte[] body = json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(requests.export(user));
		return download(body, MediaType.APPLICATION_JSON, "personal-data.json");
	}

	@GetMapping("/account/data/export.zip")
	ResponseEntity<byte[]> exportZip() {
		EstationUser user = CurrentUser.require();
		return download(requests.exportZip(user), MediaType.parseMediaType("application/zip"), "personal-data.zip");
	}

	/** Erasure needs the box ticked; the result page lists per category what went and what stayed, and why. */
	@PostMapping("/account/data/erasure")
	String erase(@RequestParam(name = "confirm", required = false) String confirm, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		EstationUser user = CurrentUser.require();
		if (confirm == null) {
			model.addAttribute("rules", retention.all().values());
			model.addAttribute("confirmError", true);
			response.setStatus(400);
			return "privacy/my-data";
		}
		List<Outcome> outcomes = requests.erase(user);
		boolean accountClosed = outcomes.stream()
			.anyMatch(o -> o.category().equals("account") && o.result() == Result.ERASED);
		model.addAttribute("outcomes", outcomes);
		model.addAttribute("accountClosed", accountClosed);
		if (accountClosed) {
			// the account is closed: end its sessions on every device, this one included
			sessions.findByPrincipalName(user.getUsername()).keySet().forEach(sessions::deleteById);
			new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		}
		return "privacy/erasure";
	}

	static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
