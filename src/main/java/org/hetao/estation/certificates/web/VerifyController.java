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

	VerifyController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/verify")
	String initVerifyForm(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number == null ? "" : number.strip());
		if (number != null) {
			if (number.isBlank()) {
				model.addAttribute("numberError", "certificates.error.numberRequired");
			}
			else {
				model.addAttribute("result", certificates.lookup(number));
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
