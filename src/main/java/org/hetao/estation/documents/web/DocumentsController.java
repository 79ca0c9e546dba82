package org.hetao.estation.documents.web;

import java.io.IOException;

import org.hetao.estation.documents.DocumentDownload;
import org.hetao.estation.documents.DocumentInfo;
import org.hetao.estation.documents.Documents;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My documents" and downloading a document one may read. */
@Controller
class DocumentsController {

	private final Documents documents;

	DocumentsController(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/documents")
	String myDocuments(Model model) {
		EstationUser user = CurrentUser.require();
		model.addAttribute("documents", documents.ownedBy(user.id()));
		model.addAttribute("maxMegabytes", documents.maxBytes() / (1024 * 1024));
		return "documents/list";
	}

	@PostMapping("/documents")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		EstationUser user = CurrentUser.require();
		try {
			DocumentInfo stored = documents.upload(user.id(), file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes(), "file");
			redirect.addFlashAttribute("uploaded", stored.originalName());
			return "redirect:/documents";
		}
		catch (Problem problem) {
			model.addAttribute("uploadError", problem.messageKey());
			model.addAttribute("uploadErrorArgs", problem.args());
			model.addAttribute("documents", documents.ownedBy(user.id()));
			model.addAttribute("maxMegabytes", documents.maxBytes() / (1024 * 1024));
			return "documents/list";
		}
	}

	@GetMapping("/documents/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id) {
		EstationUser user = CurrentUser.require();
		DocumentInfo document = documents.readable(user, id)
			.orElseThrow(() -> Problem.notFound("documents.error.notFound"));
		return DocumentDownload.body(DocumentDownload.of(document), documents.open(document));
	}

}
