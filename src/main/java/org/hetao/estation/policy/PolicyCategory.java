package org.hetao.estation.policy;

/** What kind of support a policy gives. */
public enum PolicyCategory {
	STARTUP, TALENT, RND, RENT, CUSTOMS, TAX, FINANCE, LEGAL
}
