package org.hetao.estation.privacy.web;

import org.hetao.estation.privacy.KeyRotation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Re-encrypts personal data under the active key (the same job as {@code --crypto-rotate}); administrators only. */
@RestController
@Tag(name = "Administration")
class CryptoAdminController {

	private final KeyRotation rotation;

	CryptoAdminController(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@PostMapping("/api/v1/admin/crypto/rotate")
	@Operation(summary = "Re-encrypt all personal data under the active key, in batches; returns the counts")
	KeyRotation.Report rotate(@RequestParam(defaultValue = "500") int batchSize) {
		return rotation.rotate(Math.max(1, Math.min(batchSize, 10_000)));
	}

}
