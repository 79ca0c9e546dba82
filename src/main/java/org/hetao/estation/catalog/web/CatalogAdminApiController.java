package org.hetao.estation.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.hetao.estation.catalog.internal.CatalogErrorMessages;
import org.hetao.estation.catalog.internal.CatalogTransfers;
import org.hetao.estation.catalog.internal.CatalogTransfers.Format;
import org.hetao.estation.catalog.internal.CatalogTransfers.ImportResult;
import org.hetao.estation.catalog.internal.StoredCatalog;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.portal.Problems;
import org.hetao.estation.shared.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Catalogue export and import for administrators. */
@RestController
@RequestMapping("/api/v1/admin/catalog")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Catalogue administration", description = "Export the catalogue, import a changed one (administrators only)")
class CatalogAdminApiController {

	private final CatalogTransfers transfers;

	private final StoredCatalog catalog;

	private final CatalogErrorMessages errorMessages;

	private final Problems problems;

	CatalogAdminApiController(CatalogTransfers transfers, StoredCatalog catalog, CatalogErrorMessages errorMessages,
			Problems problems) {
		this.transfers = transfers;
		this.catalog = catalog;
		this.errorMessages = errorMessages;
		this.problems = problems;
	}

	@GetMapping("/export")
	@Operation(summary = "Export the catalogue: JSON (one document in the data files' format) or CSV (one row per item)")
	ResponseEntity<byte[]> export(
			@Parameter(description = "json or csv") @RequestParam(defaultValue = "json") String format) {
		return download(format, transfers, catalog.version());
	}

	static ResponseEntity<byte[]> download(String format, CatalogTransfers transfers, String version) {
		boolean csv = switch (format.toLowerCase(Locale.ROOT)) {
			case "csv" -> true;
			case "json" -> false;
			default -> throw new Problem(Problem.Kind.INVALID, "catalog.filter.invalid",
					List.of(new Problem.FieldError("format", "catalog.filter.unknownValue", format, "json, csv")));
		};
		String name = "estation-catalog-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + (csv ? ".csv" : ".json");
		return ResponseEntity.ok()
			.contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(csv ? transfers.exportCsv() : transfers.exportJson());
	}

	record ImportedJson(String version, int itemsAdded, int itemsUpdated, int itemsRetired) {
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a changed catalogue as a file (JSON or CSV, told by its name or by format=)")
	@ApiResponse(responseCode = "200", description = "The catalogue imported: what changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "422", description = "The file has faults: nothing was changed; every fault is listed with its row or item, code and field")
	ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String format, HttpServletRequest request) throws IOException {
		byte[] content = file.getBytes();
		return respond(format(format, file.getOriginalFilename(), content), content, file.getOriginalFilename(), request);
	}

	@PostMapping(path = "/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "Import a changed catalogue sent as the request body (application/json or text/csv)")
	ResponseEntity<?> importBody(@RequestBody byte[] content, HttpServletRequest request) {
		String type = request.getContentType() == null ? "" : request.getContentType();
		return respond(type.startsWith("text/csv") ? Format.CSV : Format.JSON, content, null, request);
	}

	private ResponseEntity<?> respond(Format format, byte[] content, String filename, HttpServletRequest request) {
		ImportResult result = transfers.importFile(format, content, filename, CurrentUser.require().username());
		if (result.applied()) {
			var c = result.changes();
			return ResponseEntity.ok(new ImportedJson(c.version(), c.itemsAdded(), c.itemsUpdated(), c.itemsRetired()));
		}
		Locale locale = RequestContextUtils.getLocale(request);
		ProblemDetail problem = problems.of(422, "catalog.import.rejected", new Object[] { result.errors().size() }, locale,
				request.getRequestURI());
		problem.setProperty("errors", result.errors()
			.stream()
			.map(e -> Map.of("source", e.source(), "item", e.code(), "field", e.field(), "code", e.messageKey(),
					"message", errorMessages.describe(e, locale)))
			.toList());
		return ResponseEntity.status(422).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static Format format(String format, String filename, byte[] content) {
		if (format == null || format.isBlank()) {
			return Format.guess(filename, content);
		}
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "csv" -> Format.CSV;
			case "json" -> Format.JSON;
			default -> throw new Problem(Problem.Kind.INVALID, "catalog.filter.invalid",
					List.of(new Problem.FieldError("format", "catalog.filter.unknownValue", format, "json, csv")));
		};
	}

}
