package org.hetao.estation.catalog.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.EstationApplication;
import org.hetao.estation.catalog.internal.CatalogErrorMessages;
import org.hetao.estation.catalog.internal.CatalogTransfers;
import org.hetao.estation.catalog.internal.CatalogTransfers.ImportResult;
import org.hetao.estation.catalog.internal.StoredCatalog;
import org.hetao.estation.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's catalogue page: what is loaded, export, and import with every fault listed. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CatalogAdminController {

	private final StoredCatalog catalog;

	private final CatalogTransfers transfers;

	private final CatalogErrorMessages errorMessages;

	CatalogAdminController(StoredCatalog catalog, CatalogTransfers transfers, CatalogErrorMessages errorMessages) {
		this.catalog = catalog;
		this.transfers = transfers;
		this.errorMessages = errorMessages;
	}

	@GetMapping("/admin/catalog")
	String initImportForm(Model model) {
		addState(model);
		return "catalog/admin";
	}

	@GetMapping("/admin/catalog/export")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "json") String format) {
		return CatalogAdminApiController.download(format, transfers, catalog.version());
	}

	@PostMapping("/admin/catalog/import")
	String processImportForm(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String format, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(422);
			model.addAttribute("fileError", "catalog.admin.fileRequired");
			addState(model);
			return "catalog/admin";
		}
		byte[] content = file.getBytes();
		ImportResult result = transfers.importFile(CatalogAdminApiController.format(format, file.getOriginalFilename(), content),
				content, file.getOriginalFilename(), CurrentUser.require().username());
		if (result.applied()) {
			redirect.addFlashAttribute("imported", result.changes());
			return "redirect:/admin/catalog";
		}
		response.setStatus(422);
		model.addAttribute("importErrors", result.errors().stream().map(e -> errorMessages.describe(e, locale)).toList());
		model.addAttribute("fileName", file.getOriginalFilename());
		addState(model);
		return "catalog/admin";
	}

	private void addState(Model model) {
		var s = catalog.snapshot();
		model.addAttribute("catalogVersion", s.version());
		model.addAttribute("itemTotal", s.items().size());
		model.addAttribute("matterTotal", s.matters().size());
		model.addAttribute("departmentTotal", s.departments().size());
		var last = catalog.lastChange().orElse(null);
		model.addAttribute("lastChange", last);
		model.addAttribute("lastChangeAt", last == null ? null
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(last.at().atZone(EstationApplication.ZONE)));
		model.addAttribute("columns", CatalogTransfers.CSV_COLUMNS);
	}

}
