package org.hetao.estation.shared;

import java.util.List;

/**
 * A failure to tell the user about, in their language. The web layer turns it into an RFC 9457
 * problem detail (API) or a message on the page; the message key resolves in the module's bundle.
 */
public class Problem extends RuntimeException {

	public enum Kind {
		/** 400: the request is malformed or invalid. */
		INVALID(400),
		/** 403: the user may not do this or see this. */
		FORBIDDEN(403),
		/** 404: no such thing (also for things the user may not know exist). */
		NOT_FOUND(404),
		/** 409: the request conflicts with the current state (illegal transition, stale version, taken slot). */
		CONFLICT(409),
		/** 422: well-formed but breaks a business rule; see {@link #fieldErrors()}. */
		UNPROCESSABLE(422),
		/** 429: too many requests, try later. */
		TOO_MANY_REQUESTS(429),
		/** 503: a service this needs is down, try later. */
		UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	/** One field's error: the field name as the client sent it and a message key with arguments. */
	public record FieldError(String field, String messageKey, Object... args) {
	}

	private final Kind kind;

	private final String messageKey;

	private final transient Object[] args;

	private final transient List<FieldError> fieldErrors;

	public Problem(Kind kind, String messageKey, Object... args) {
		this(kind, messageKey, List.of(), args);
	}

	public Problem(Kind kind, String messageKey, List<FieldError> fieldErrors, Object... args) {
		super(messageKey);
		this.kind = kind;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public static Problem notFound(String messageKey, Object... args) {
		return new Problem(Kind.NOT_FOUND, messageKey, args);
	}

	public static Problem conflict(String messageKey, Object... args) {
		return new Problem(Kind.CONFLICT, messageKey, args);
	}

	public static Problem invalid(String messageKey, Object... args) {
		return new Problem(Kind.INVALID, messageKey, args);
	}

	public static Problem forbidden(String messageKey, Object... args) {
		return new Problem(Kind.FORBIDDEN, messageKey, args);
	}

	public Kind kind() {
		return kind;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

}
