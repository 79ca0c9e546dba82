package org.hetao.estation.portal.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.portal.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the container shows for any error that reached it: a problem detail for API callers, a
 * friendly page in the user's language for everyone else. Never a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final Problems problems;

	private final MessageSource messages;

	ErrorPageController(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_JSON_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<ProblemDetail> api(HttpServletRequest request) {
		int status = status(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ProblemDetail body = problems.of(status, detailKey(status), null, RequestContextUtils.getLocale(request), uri);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
			return api(request);
		}
		int status = status(request);
		Locale locale = RequestContextUtils.getLocale(request);
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("errorTitle", problems.title(status, locale));
		model.addAttribute("detail", messages.getMessage(detailKey(status), null, locale));
		return "error";
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return code instanceof Integer i ? i : 500;
	}

	private static String detailKey(int status) {
		return ApiProblemAdvice.genericDetailKey(status);
	}

}
