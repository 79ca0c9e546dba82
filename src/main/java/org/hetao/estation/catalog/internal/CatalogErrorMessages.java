package org.hetao.estation.catalog.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Catalogue faults as sentences in the reader's language: "items/customs.json · CUS-0003 · fee: …". */
@Component
public class CatalogErrorMessages {

	private final MessageSource messages;

	CatalogErrorMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String describe(CatalogError error, Locale locale) {
		String what = messages.getMessage(error.messageKey(), error.argArray(), error.messageKey(), locale);
		StringBuilder where = new StringBuilder(error.source());
		if (!error.code().isEmpty()) {
			where.append(where.isEmpty() ? "" : " · ").append(error.code());
		}
		if (!error.field().isEmpty()) {
			where.append(where.isEmpty() ? "" : " · ").append(error.field());
		}
		return where.isEmpty() ? what : where + ": " + what;
	}

	public String describeAll(List<CatalogError> errors, Locale locale) {
		StringBuilder text = new StringBuilder();
		errors.forEach(e -> text.append(System.lineSeparator()).append("  - ").append(describe(e, locale)));
		return text.toString();
	}

}
