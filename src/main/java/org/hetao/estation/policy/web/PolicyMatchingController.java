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

	private final org.hetao.estation.policy.internal.Grants grants;

	PolicyMatchingController(PolicyMatching matching, PolicyLibrary library, Accounts accounts,
			org.hetao.estation.policy.internal.Grants grants) {
		this.grants = grants;
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
		// what was sent, as recorded: the grants this run made and whether each enterprise was told
		Map<Long, org.hetao.estation.policy.PolicyGrants.Grant> byAccount = grants.ofRunMatches(run.id())
			.stream()
			.collect(Collectors.toMap(org.hetao.estation.policy.PolicyGrants.Grant::accountId, Function.identity()));
		model.addAttribute("lines", run.recipients()
			.stream()
			.map(a -> new RecipientLine(names.get(a), byAccount.get(a), byAccount.containsKey(a) && byAccount.get(a).runId() != run.id()))
			.toList());
		model.addAttribute("told", byAccount.values().stream().filter(g -> g.runId() == run.id() && g.notifiedAt() != null).count());
		model.addAttribute("messagesSent", byAccount.values().stream().filter(g -> g.runId() == run.id()).mapToInt(
				org.hetao.estation.policy.PolicyGrants.Grant::messages).sum());
		model.addAttribute("waiting", byAccount.values().stream().filter(g -> g.runId() == run.id() && g.notifiedAt() == null).count());
		model.addAttribute("earlier", byAccount.values().stream().filter(g -> g.runId() != run.id()).count());
		model.addAttribute("policyAmount", grants.amountOf(run.policyCode()).orElse(null));
		return "policy/run";
	}

	/** An enterprise a run matched, with its grant of the policy (by this run or an earlier one), if any. */
	record RecipientLine(String name, org.hetao.estation.policy.PolicyGrants.Grant grant, boolean grantedEarlier) {
	}

	/** An enterprise's own grants (免申即享): the sum or the benefit, the date, the status, why it qualified. */
	@GetMapping("/policies/grants")
	String myGrants(Model model) {
		EstationUser me = CurrentUser.require();
		model.addAttribute("grants", grants.of(me.id())
			.stream()
			.map(g -> new GrantLine(g, library.find(g.policyCode()).orElse(null)))
			.filter(l -> l.policy() != null)
			.toList());
		return "policy/grants";
	}

	/** A grant with its policy, for the page: the conditions met by their descriptions. */
	record GrantLine(org.hetao.estation.policy.PolicyGrants.Grant grant, org.hetao.estation.policy.Policy policy) {

		public List<org.hetao.estation.shared.LocalizedText> criteria() {
			return policy.conditions()
				.stream()
				.filter(c -> grant.conditionIds().contains(c.id()))
				.map(org.hetao.estation.policy.Policy.Condition::description)
				.toList();
		}
	}

	@PostMapping("/policies/matching/runs/{id}/notify")
	String notifyQualified(@PathVariable long id, RedirectAttributes redirect) {
		matching.notifyQualified(id, CurrentUser.require());
		redirect.addFlashAttribute("notified", true);
		return "redirect:/policies/matching/runs/" + id;
	}


}
