package org.hetao.estation.identity.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hetao.estation.identity.IdentityDocumentKind;
import org.hetao.estation.identity.IdentityDocuments;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Public check of identity document numbers, for forms and integrators. Nothing is stored or logged. */
@RestController
@Tag(name = "Identity documents", description = "Validate HKID, Mainland resident ID, Mainland Travel Permit and unified social credit code numbers")
class IdentityDocumentApi {

	private final MessageSource messages;

	IdentityDocumentApi(MessageSource messages) {
		this.messages = messages;
	}

	record ValidationRequest(@NotNull(message = "{identity.document.kind.required}") IdentityDocumentKind kind,
			@NotNull(message = "{identity.document.empty}") @Size(max = 64,
					message = "{identity.document.tooLong}") String number) {
	}

	record ValidationResult(boolean valid, String reason) {
	}

	@PostMapping("/api/v1/identity-documents/validate")
	@Operation(summary = "Is this identity document number valid?",
			description = "Checks format and check character (HKID, GB 11643, MTP, GB 32100); the reason is in the request's language.")
	ValidationResult validate(@Valid @RequestBody ValidationRequest request, Locale locale) {
		IdentityDocuments.Check check = IdentityDocuments.check(request.kind(), request.number());
		return new ValidationResult(check.valid(), messages.getMessage(check.reasonKey(), null, locale));
	}

}
