package org.hetao.estation.portal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.portal.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON body larger than {@code estation.request-limits.json} (1 MB) is refused with 413 and a problem detail
 * before anything reads it (#21: a 10 MB body used to be read and parsed whole before validation). The catalogue
 * import, whose JSON is the whole catalogue, has its own limit ({@code estation.request-limits.catalog-import},
 * 20 MB). A body sent without a length (chunked) is read up to the limit and refused as soon as it passes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonBodyLimit extends OncePerRequestFilter {

	static final String CATALOG_IMPORT = "/api/v1/admin/catalog/import";

	private final long limit;

	private final long catalogImportLimit;

	private final Problems problems;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	JsonBodyLimit(@Value("${estation.request-limits.json:1MB}") DataSize limit,
			@Value("${estation.request-limits.catalog-import:20MB}") DataSize catalogImportLimit, Problems problems,
			LocaleResolver locales, ObjectMapper json) {
		this.limit = limit.toBytes();
		this.catalogImportLimit = catalogImportLimit.toBytes();
		this.problems = problems;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return true;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return !(media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json"));
		}
		catch (RuntimeException unreadable) {
			return true;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		long max = path.equals(CATALOG_IMPORT) ? catalogImportLimit : limit;
		long length = request.getContentLengthLong();
		if (length > max) {
			refuse(request, response, max);
			return;
		}
		if (length < 0) {
			// no length given: read at most max + 1 bytes now, and hand the body on from memory
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (body.length > max) {
				refuse(request, response, max);
				return;
			}
			chain.doFilter(new CachedBody(request, new java.io.ByteArrayInputStream(body), body.length), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
		Locale locale;
		try {
			locale = locales.resolveLocale(request);
		}
		catch (RuntimeException e) {
			locale = request.getLocale();
		}
		String maxText = DataSize.ofBytes(max).toKilobytes() >= 1024 ? (DataSize.ofBytes(max).toMegabytes() + " MB")
				: (DataSize.ofBytes(max).toKilobytes() + " KB");
		ProblemDetail problem = problems.of(413, "error.requestTooLarge", new Object[] { maxText }, locale,
				request.getRequestURI());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", problems.message(new DefaultMessageSourceResolvable("error.title.requestTooLarge"), locale));
		body.put("status", 413);
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		body.put("code", "error.requestTooLarge");
		body.put("maxBytes", max);
		response.setStatus(413);
		response.setHeader("Connection", "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(body));
	}

}
