package org.hetao.estation.shared;

/** Whose working days count for a step: the Mainland (with make-up working days) or Hong Kong. */
public enum Jurisdiction {
	CN, HK
}
