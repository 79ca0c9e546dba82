package org.hetao.estation.leisure.internal;

import java.util.List;

/** A leisure data file that cannot be used, with every fault found in it. */
public class LeisureDataException extends RuntimeException {

	private final transient List<String> problems;

	public LeisureDataException(List<String> problems) {
		super("The leisure data files have faults:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
