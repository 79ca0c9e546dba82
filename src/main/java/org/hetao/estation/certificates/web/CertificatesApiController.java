package org.hetao.estation.certificates.web;

import java.io.IOException;

import org.hetao.estation.certificates.Certificates;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.shared.Problem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Certificates", description = "Verify e-certificates (public) and revoke them (issuing department)")
class CertificatesApiController {

	private final Certificates certificates;

	CertificatesApiController(Certificates certificates) {
		this.certificates = certificates;
	}

	@Operation(summary = "Whether a certificate number is valid, revoked (with date and reason) or unknown")
	@GetMapping("/api/v1/certificates/{number}")
	VerificationResponse lookup(@PathVariable String number) {
		return VerificationResponse.of(certificates.lookup(number));
	}

	@Operation(summary = "Verify an uploaded certificate PDF: valid, revoked, or ALTERED when hash or signature fail")
	@PostMapping(path = "/api/v1/certificates/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	VerificationResponse verify(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		return VerificationResponse.of(certificates.verify(file == null ? null : file.getBytes()));
	}

	record RevocationRequest(String reason) {
	}

	@Operation(summary = "Revoke a certificate of the officer's own department, with a reason")
	@PostMapping("/api/v1/certificates/{number}/revocation")
	VerificationResponse revoke(@PathVariable String number, @RequestBody(required = false) RevocationRequest request) {
		if (request == null) {
			throw Problem.invalid("certificates.error.reason", 500);
		}
		certificates.revoke(CurrentUser.require(), number, request.reason());
		return VerificationResponse.of(certificates.lookup(number));
	}

}
