package org.hetao.estation.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/** The API's answers to "who are you?" (401) and "not for you" (403), as RFC 9457 problem details. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	ProblemSecurityHandlers(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		write(request, response, 401, "error.title.401", "error.signInRequired");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, 403, "error.title.403", "error.forbidden");
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
			String detailKey) throws IOException {
		Locale locale = RequestContextUtils.getLocale(request);
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		String title = json(messages.getMessage(titleKey, null, locale));
		String detail = json(messages.getMessage(detailKey, null, locale));
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
	}

	private static String json(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8").replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
