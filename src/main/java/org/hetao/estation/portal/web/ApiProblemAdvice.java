package org.hetao.estation.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.portal.Problems;
import org.hetao.estation.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every failure of a REST controller becomes an RFC 9457 problem detail in the caller's language:
 * field-level errors for invalid input, 409 for conflicts, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final Problems problems;

	private final int retryAfterSeconds;

	private final DatabaseUnavailableFilter outage;

	ApiProblemAdvice(Problems problems,
			@org.springframework.beans.factory.annotation.Value("${estation.unavailable.retry-after-seconds:5}") int retryAfterSeconds,
			DatabaseUnavailableFilter outage) {
		this.outage = outage;
		this.problems = problems;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@ExceptionHandler(Problem.class)
	ResponseEntity<ProblemDetail> problem(Problem problem, HttpServletRequest request) {
		return respond(problems.of(problem, locale(request), request.getRequestURI()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentChange(HttpServletRequest request) {
		return respond(problems.of(409, "error.concurrentChange", null, locale(request), request.getRequestURI()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
		log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
		return respond(problems.of(409, "error.conflict", null, locale(request), request.getRequestURI()));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseDown(Exception e, HttpServletRequest request) {
		log.warn("Database unavailable: {}", e.getMessage());
		if (DatabaseUnavailable.connectionLost(e)) {
			outage.markDown(e);
		}
		ProblemDetail body = problems.of(503, "error.databaseUnavailable", null, locale(request), request.getRequestURI());
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	/** Left to Spring Security, which answers 401/403 as problem details too. */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		if (DatabaseUnavailable.causedIt(e)) {
			return databaseDown(e, request);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
		return respond(problems.of(500, "error.unexpected", null, locale(request), request.getRequestURI()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale(request);
		ProblemDetail body = problems.of(400, "error.invalidInput", null, locale, path(request));
		body.setProperty("errors", problems.fieldErrors(ex.getBindingResult().getFieldErrors(), locale));
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Locale locale = locale(request);
			problem.setTitle(problems.title(statusCode.value(), locale));
			if (!(ex instanceof MethodArgumentNotValidException)) {
				// Spring's own details are English and may name internals: say it in the user's language, with the
				// same machine-readable code as every other problem of the API
				ProblemDetail ours = problems.of(statusCode.value(), genericDetailKey(statusCode.value()), null, locale, null);
				problem.setDetail(ours.getDetail());
				problem.setProperty("code", ours.getProperties().get("code"));
			}
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	static String genericDetailKey(int status) {
		return switch (status) {
			case 401 -> "error.signInRequired";
			case 403 -> "error.forbidden";
			case 404 -> "error.notFound";
			case 405 -> "error.methodNotAllowed";
			case 409 -> "error.conflict";
			case 413 -> "error.tooLarge";
			case 503 -> "error.unavailable";
			default -> status >= 500 ? "error.unexpected" : "error.invalidInput";
		};
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static Locale locale(HttpServletRequest request) {
		return RequestContextUtils.getLocale(request);
	}

	private static Locale locale(WebRequest request) {
		HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return servlet == null ? request.getLocale() : RequestContextUtils.getLocale(servlet);
	}

	private static String path(WebRequest request) {
		HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return servlet == null ? null : servlet.getRequestURI();
	}

}
