package org.hetao.estation.portal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.portal.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.ObjectMapper;

/**
 * Refuses (400) a request whose parameters or JSON body carry the NUL character (U+0000): no text anyone
 * enters contains it, and PostgreSQL cannot store it, so it would otherwise end as a server error deep
 * inside whatever tried to save it. Runs before everything else.
 */
@Component
@Order(-105)
class NulCharacterFilter extends OncePerRequestFilter {

	/** Larger JSON bodies are left to the limits of the endpoints that read them. */
	private static final int MAX_JSON_CHECKED = 2 * 1024 * 1024;

	/** A JSON escape of NUL ({@code \u0000}) that is not itself an escaped backslash. */
	private static final Pattern ESCAPED_NUL = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000", Pattern.CASE_INSENSITIVE);

	private final Problems problems;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	NulCharacterFilter(Problems problems, LocaleResolver locales, ObjectMapper json) {
		this.problems = problems;
		this.locales = locales;
		this.json = json;
	}

	/** A problem detail for the API, the error page for pages. */
	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String accept = request.getHeader("Accept");
		if (path.startsWith("/api/") || (accept != null && accept.contains("json"))) {
			ProblemDetail problem = problems.of(400, "error.invalidInput", null, locales.resolveLocale(request),
					request.getRequestURI());
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(json.writeValueAsBytes(problem));
			return;
		}
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
		if (!multipart) {
			for (String[] values : request.getParameterMap().values()) {
				for (String value : values) {
					if (value != null && value.indexOf('\0') >= 0) {
						refuse(request, response);
						return;
					}
				}
			}
		}
		if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() <= MAX_JSON_CHECKED) {
			byte[] body = request.getInputStream().readNBytes(MAX_JSON_CHECKED + 1);
			if (body.length <= MAX_JSON_CHECKED) {
				if (containsNul(body)) {
					refuse(request, response);
					return;
				}
				chain.doFilter(new CachedBody(request, new ByteArrayInputStream(body), body.length), response);
				return;
			}
			// too large to check (a body without a length): pass it on whole, the bytes read first included
			chain.doFilter(new CachedBody(request,
					new java.io.SequenceInputStream(new ByteArrayInputStream(body), request.getInputStream()), -1), response);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean containsNul(byte[] body) {
		boolean escapeOfZero = false;
		for (int i = 0; i < body.length; i++) {
			byte b = body[i];
			if (b == 0) {
				return true;
			}
			if (b == '\\' && i + 5 < body.length && (body[i + 1] == 'u' || body[i + 1] == 'U') && body[i + 2] == '0'
					&& body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0') {
				escapeOfZero = true;
			}
		}
		// the pattern (which tells an escaped backslash before "u0000" from an escape of NUL) only for a body that
		// has the six characters at all: a case-insensitive search with a look-behind over every submitted body was
		// the largest single cost of this filter
		return escapeOfZero && ESCAPED_NUL.matcher(new String(body, StandardCharsets.UTF_8)).find();
	}

}
