package org.hetao.estation.policy.internal;

import java.util.List;

import org.hetao.estation.policy.Policy;

/**
 * A policy against a profile: qualifies (every condition met), nearly (all met but one, or none
 * failed and some unknown), or not.
 */
public record Eligibility(Policy policy, Verdict verdict, List<PolicyRules.ConditionOutcome> conditions) {

	public enum Verdict {
		QUALIFIES, NEARLY, NOT_ELIGIBLE
	}

	static Eligibility of(Policy policy, List<PolicyRules.ConditionOutcome> outcomes) {
		long notMet = outcomes.stream().filter(o -> o.status() == PolicyRules.Status.NOT_MET).count();
		long unknown = outcomes.stream().filter(o -> o.status() == PolicyRules.Status.UNKNOWN).count();
		Verdict verdict;
		if (notMet == 0 && unknown == 0) {
			verdict = Verdict.QUALIFIES;
		}
		else if ((notMet == 1 && unknown == 0) || (notMet == 0 && unknown > 0)) {
			verdict = Verdict.NEARLY;
		}
		else {
			verdict = Verdict.NOT_ELIGIBLE;
		}
		return new Eligibility(policy, verdict, outcomes);
	}

}
