package org.hetao.estation.privacy.web;

import java.util.List;
import java.util.Map;

import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.privacy.PersonalDataRequests;
import org.hetao.estation.shared.PersonalDataContributor.Outcome;
import org.hetao.estation.shared.PersonalDataContributor.Result;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The same "my data" requests for API clients: always the signed-in applicant's own data. */
@RestController
@RequestMapping("/api/v1/me/data")
@Tag(name = "My data", description = "Export and erasure of the signed-in applicant's personal data")
class MyDataApiController {

	private final PersonalDataRequests requests;

	private final MessageSource messages;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	MyDataApiController(PersonalDataRequests requests, MessageSource messages,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.requests = requests;
		this.messages = messages;
		this.sessions = sessions;
	}

	@GetMapping
	@Operation(summary = "Everything held about me, section by section (decrypted); audited")
	ResponseEntity<Map<String, Object>> export() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(requests.export(CurrentUser.require()));
	}

	/** One category's outcome, with the reason in the request's language. */
	record OutcomeView(String category, String result, int count, String reason) {
	}

	record ErasureView(List<OutcomeView> outcomes) {
	}

	@PostMapping("/erasure-request")
	@Operation(summary = "Erase what may go, keep what open cases and the law require; says per category what and why")
	ErasureView erase() {
		var locale = LocaleContextHolder.getLocale();
		var user = CurrentUser.require();
		List<Outcome> outcomes = requests.erase(user);
		if (outcomes.stream().anyMatch(o -> o.category().equals("account") && o.result() == Result.ERASED)) {
			// the account is closed: end its sessions on every device
			sessions.findByPrincipalName(user.getUsername()).keySet().forEach(sessions::deleteById);
		}
		return new ErasureView(outcomes.stream()
			.map(o -> new OutcomeView(o.category(), o.result().name(), o.count(),
					messages.getMessage(o.reasonKey(), o.args().toArray(), locale)))
			.toList());
	}

}
