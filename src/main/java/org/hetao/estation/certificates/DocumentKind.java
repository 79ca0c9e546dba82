package org.hetao.estation.certificates;

/** The documents with legal effect the platform issues, with their download file names. */
public enum DocumentKind {

	/** 受理回執: the case was received. */
	RECEIPT("receipt"),
	/** 一次性告知書: everything a task still needs, at once. */
	CORRECTION_NOTICE("correction-notice"),
	/** 不予批准決定書: a task was refused, with the reason and the legal remedy. */
	REFUSAL_NOTICE("refusal-notice"),
	/** 電子證照: the signed e-certificate of an approved result. */
	CERTIFICATE("certificate");

	private final String slug;

	DocumentKind(String slug) {
		this.slug = slug;
	}

	/** The name in URLs, e.g. {@code correction-notice}. */
	public String slug() {
		return slug;
	}

	public String messageKey() {
		return "certificates.kind." + name();
	}

	public static java.util.Optional<DocumentKind> fromSlug(String slug) {
		for (DocumentKind kind : values()) {
			if (kind.slug.equals(slug)) {
				return java.util.Optional.of(kind);
			}
		}
		return java.util.Optional.empty();
	}

}
