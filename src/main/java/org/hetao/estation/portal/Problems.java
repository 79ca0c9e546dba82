package org.hetao.estation.portal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hetao.estation.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details in the user's language. */
@Component
public class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail of(int status, String detailKey, Object[] args, Locale locale, String instance) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
		problem.setTitle(title(status, locale));
		problem.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
		if (instance != null) {
			problem.setInstance(URI.create(instance.replace(" ", "%20")));
		}
		problem.setProperty("code", detailKey);
		return problem;
	}

	public ProblemDetail of(Problem p, Locale locale, String instance) {
		ProblemDetail problem = of(p.kind().status(), p.messageKey(), p.args(), locale, instance);
		if (!p.fieldErrors().isEmpty()) {
			problem.setProperty("errors",
					p.fieldErrors()
						.stream()
						.map(e -> Map.of("field", e.field(), "code", e.messageKey(), "message",
								messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))
						.toList());
		}
		return problem;
	}

	public String title(int status, Locale locale) {
		String fallback = messages.getMessage("error.title.generic", null, "Error", locale);
		return messages.getMessage("error.title." + status, null, fallback, locale);
	}

	public String message(MessageSourceResolvable resolvable, Locale locale) {
		return messages.getMessage(resolvable, locale);
	}

	public List<Map<String, String>> fieldErrors(List<org.springframework.validation.FieldError> errors,
			Locale locale) {
		return errors.stream()
			.map(e -> Map.of("field", e.getField(), "message", messages.getMessage(e, locale)))
			.toList();
	}

}
