package org.hetao.estation.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One item of a case as other modules see it: read only. Its state changes only through {@link TaskHandling},
 * {@link ApplicantActions} and {@link DepartmentSystemActions}, which check every transition and publish what
 * happened as events.
 */
public interface TaskView {

	Long id();

	String itemCode();

	String departmentCode();

	/** Item codes of this case's tasks that must be approved before this one is submitted. */
	List<String> dependsOn();

	TaskStatus status();

	Map<String, String> formData();

	/** Material code → document id. */
	Map<String, Long> materials();

	Set<String> checkedMaterials();

	List<Deficiency> deficiencies();

	/** Why it was refused, rejected or withdrawn, if it was. */
	String reason();

	Map<String, String> outputs();

	DeliveryMethod delivery();

	TaskClock clock();

	LocalDate deadline();

	boolean deadlineProvisional();

	/** Incremented with every change; actions may name the version they saw. */
	int version();

	boolean approved();

	/**
	 * Where the applicant completes this item in person before the window accepts it, or {@code null}: an item
	 * of a matter not offered through the channel the matter was applied for.
	 */
	default org.hetao.estation.catalog.Channel completeAt() {
		return null;
	}

}
