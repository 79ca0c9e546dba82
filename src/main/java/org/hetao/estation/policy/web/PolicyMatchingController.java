package org.hetao.estation.policy.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hetao.estation.identity.Accounts;
import org.hetao.estation.identity.CurrentUser;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.policy.internal.MatchRuns;
import org.hetao.estation.policy.internal.PolicyLibrary;
import org.hetao.estation.policy.internal.PolicyMatching;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 免申即享 for officers: run a policy of their department against all enterprise profiles, notify. */
@Controller
class PolicyMatchingController {

	private final PolicyMatching matching;

	private final PolicyLibrary library;

	private final Accounts accounts;

	PolicyMatchingController(PolicyMatching matching, PolicyLibrary library, Accounts accounts) {
		this.matching = matching;
		this.library = library;
		this.accounts = accounts;
	}

	@GetMapping("/policies/matching")
	String policies(Model model) {
		model.addAttribute("policies", matching.policiesOf(CurrentUser.require()));
		return "policy/matching";
	}

	@PostMapping("/policies/matching/{code}")
	String run(@PathVariable String code) {
		MatchRuns.MatchRun run = matching.run(code, CurrentUser.require());
		return "redirect:/policies/matching/runs/" + run.id();
	}

	@GetMapping("/policies/matching/runs/{id}")
	String show(@PathVariable long id, Model model) {
		EstationUser officer = CurrentUser.require();
		MatchRuns.MatchRun run = matching.find(id, officer);
		model.addAttribute("run", run);
		model.addAttribute("policy", library.find(run.policyCode()).orElseThrow());
		Map<Long, String> names = run.recipients().stream()
			.collect(Collectors.toMap(Function.identity(),
					a -> accounts.findById(a).map(EstationUser::displayName).orElse("#" + a)));
		model.addAttribute("recipients", run.recipients().stream().map(names::get).toList());
		return "policy/run";
	}

	@PostMapping("/policies/matching/runs/{id}/notify")
	String notifyQualified(@PathVariable long id, RedirectAttributes redirect) {
		matching.notifyQualified(id, CurrentUser.require());
		redirect.addFlashAttribute("notified", true);
		return "redirect:/policies/matching/runs/" + id;
	}


}
