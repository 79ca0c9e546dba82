package org.hetao.estation.documents.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.shared.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents", description = "Upload materials once and attach them to applications")
class DocumentsApiController {

	private final Documents documents;

	DocumentsApiController(Documents documents) {
		this.documents = documents;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The document stored", useReturnTypeSchema = true)
	@Operation(summary = "Upload a document (PDF, JPEG or PNG, checked by content; size limit configurable, 10 MB by default)")
	ResponseEntity<DocumentInfo> upload(@RequestParam(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null) {
			throw new Problem(Problem.Kind.INVALID, "documents.error.empty",
					List.of(new Problem.FieldError("file", "documents.error.empty")));
		}
		DocumentInfo stored = documents.upload(CurrentUser.require().id(), file.getOriginalFilename(), file.getBytes(),
				"file");
		return ResponseEntity.created(URI.create("/documents/" + stored.id())).body(stored);
	}

	@GetMapping
	@Operation(summary = "My documents, newest first")
	List<DocumentInfo> mine() {
		return documents.ownedBy(CurrentUser.require().id());
	}

}
