package org.hetao.estation.certificates.web;

import java.io.IOException;

import org.hetao.estation.certificates.Certificates;
import org.hetao.estation.certificates.Verification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The public verification page: type a number or upload a file. */
@Controller
class VerifyController {

	private final Certificates certificates;

	private final java.util.List<org.hetao.estation.certificates.ReceiptRegister> receipts;

	VerifyController(Certificates certificates, java.util.List<org.hetao.estation.certificates.ReceiptRegister> receipts) {
		this.certificates = certificates;
		this.receipts = receipts;
	}

	@GetMapping("/verify")
	String initVerifyForm(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number == null ? "" : number.strip());
		if (number != null) {
			if (number.isBlank()) {
				model.addAttribute("numberError", "certificates.error.numberRequired");
			}
			else {
				// a receipt number (HTR-…) is asked of the payments' register; anything else is a certificate's
				var receipt = org.hetao.estation.certificates.EReceipts.normalize(number)
					.flatMap(n -> receipts.stream().flatMap(r -> r.receipt(n).stream()).findFirst());
				if (receipt.isPresent()) {
					model.addAttribute("receipt", receipt.get());
				}
				else {
					model.addAttribute("result", certificates.lookup(number));
				}
			}
		}
		return "certificates/verify";
	}

	@PostMapping("/verify")
	String processVerifyForm(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
			throws IOException {
		model.addAttribute("number", "");
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "certificates.error.fileRequired");
			return "certificates/verify";
		}
		Verification result = certificates.verify(file.getBytes());
		model.addAttribute("result", result);
		return "certificates/verify";
	}

}
