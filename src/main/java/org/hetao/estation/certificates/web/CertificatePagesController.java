package org.hetao.estation.certificates.web;

import java.util.Locale;

import org.hetao.estation.certificates.Certificate;
import org.hetao.estation.certificates.Certificates;
import org.hetao.estation.certificates.DocumentKind;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.Problem;
import org.hetao.estation.shared.ReceiptNumberFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Downloads (a case's notices, a signed certificate) and the certificate page, where an officer of the
 * issuing department revokes it. Who may see what is checked by {@link Certificates}.
 */
@Controller
class CertificatePagesController {

	private final Certificates certificates;

	CertificatePagesController(Certificates certificates) {
		this.certificates = certificates;
	}

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	@GetMapping("/certificates/documents/" + ReceiptNumberFormat.ROUTE_VARIABLE + "/{kind:[a-z-]+}.pdf")
	ResponseEntity<byte[]> notice(@PathVariable String receipt, @PathVariable String kind,
			@RequestParam(required = false) String lang, Locale locale) {
		DocumentKind documentKind = DocumentKind.fromSlug(kind)
			.filter(k -> k != DocumentKind.CERTIFICATE)
			.orElseThrow(() -> Problem.notFound("certificates.error.noSuchDocument"));
		Language language = Language.fromTag(lang).orElse(null);
		byte[] bytes = certificates.notice(CurrentUser.require(), receipt, documentKind, language, Language.of(locale));
		return pdf(bytes, receipt + "-" + kind + ".pdf");
	}

	@GetMapping("/certificates/{number:HTC-[0-9A-Za-z-]+}.pdf")
	ResponseEntity<byte[]> certificatePdf(@PathVariable String number) {
		EstationUser user = CurrentUser.require();
		Certificate c = certificates.view(user, number);
		return pdf(certificates.pdf(user, c.number()), c.number() + ".pdf");
	}

	@GetMapping("/certificates/{number:HTC-[0-9A-Za-z-]+}")
	String view(@PathVariable String number, Model model) {
		EstationUser user = CurrentUser.require();
		Certificate c = certificates.view(user, number);
		show(user, c, model);
		model.addAttribute("reason", "");
		return "certificates/certificate";
	}

	private void show(EstationUser user, Certificate c, Model model) {
		model.addAttribute("certificate", c);
		model.addAttribute("verification", certificates.lookup(c.number()));
		model.addAttribute("mayRevoke", certificates.mayRevoke(user, c));
	}

	@PostMapping("/certificates/{number:HTC-[0-9A-Za-z-]+}/revoke")
	String revoke(@PathVariable String number, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		EstationUser user = CurrentUser.require();
		try {
			Certificate revoked = certificates.revoke(user, number, reason);
			redirect.addFlashAttribute("revoked", true);
			return "redirect:/certificates/" + revoked.number();
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.INVALID) {
				throw problem;
			}
			Certificate c = certificates.view(user, number);
			show(user, c, model);
			model.addAttribute("reason", reason == null ? "" : reason);
			model.addAttribute("reasonError", problem.messageKey());
			return "certificates/certificate";
		}
	}

}
