package org.hetao.estation.policy.internal;

/** The policy library cannot be loaded: names the policy at fault. */
public class PolicyLoadException extends RuntimeException {

	private final String policyCode;

	public PolicyLoadException(String policyCode, String message) {
		super("Policy " + policyCode + ": " + message);
		this.policyCode = policyCode;
	}

	public String policyCode() {
		return policyCode;
	}

}
