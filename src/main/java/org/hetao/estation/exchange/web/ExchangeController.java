package org.hetao.estation.exchange.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.Department;
import org.hetao.estation.exchange.DepartmentHealth;
import org.hetao.estation.exchange.ExchangeHealth;
import org.hetao.estation.exchange.ExchangeMessage;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page of the exchange: each connected department's health, its dead letters, redelivery. */
@Controller
class ExchangeController {

	private final ExchangeHealth health;

	private final Catalog catalog;

	ExchangeController(ExchangeHealth health, Catalog catalog) {
		this.health = health;
		this.catalog = catalog;
	}

	record Line(DepartmentHealth health, Department department, List<ExchangeMessage> deadLetters) {
	}

	@GetMapping("/exchange")
	String page(Model model) {
		EstationUser user = CurrentUser.require();
		Map<String, Line> lines = new LinkedHashMap<>();
		for (DepartmentHealth h : health.health(user)) {
			lines.put(h.departmentCode(), new Line(h, catalog.department(h.departmentCode()).orElse(null),
					health.deadLetters(user, h.departmentCode())));
		}
		model.addAttribute("lines", lines.values());
		return "exchange/health";
	}

	@GetMapping("/exchange/messages/{id}")
	String message(@PathVariable long id, Model model) {
		ExchangeMessage message = health.message(CurrentUser.require(), id);
		model.addAttribute("message", message);
		model.addAttribute("department", catalog.department(message.departmentCode()).orElse(null));
		return "exchange/message";
	}

	@PostMapping("/exchange/messages/{id}/redeliver")
	String redeliver(@PathVariable long id, RedirectAttributes redirect) {
		try {
			health.redeliver(CurrentUser.require(), id);
			redirect.addFlashAttribute("redelivered", id);
		}
		catch (Problem problem) {
			if (problem.kind() != Problem.Kind.CONFLICT) {
				throw problem;
			}
			redirect.addFlashAttribute("notRedelivered", id);
		}
		return "redirect:/exchange";
	}

}
