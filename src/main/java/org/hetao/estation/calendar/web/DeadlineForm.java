package org.hetao.estation.calendar.web;

/** The deadline calculator's fields, as typed. */
public class DeadlineForm {

	private String jurisdiction = "CN";

	private String start;

	private String workingDays;

	public String getJurisdiction() {
		return jurisdiction;
	}

	public void setJurisdiction(String jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	public String getStart() {
		return start;
	}

	public void setStart(String start) {
		this.start = start;
	}

	public String getWorkingDays() {
		return workingDays;
	}

	public void setWorkingDays(String workingDays) {
		this.workingDays = workingDays;
	}

	boolean isEmpty() {
		return (start == null || start.isBlank()) && (workingDays == null || workingDays.isBlank());
	}

}
