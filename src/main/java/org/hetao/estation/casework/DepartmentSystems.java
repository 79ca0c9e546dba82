package org.hetao.estation.casework;

/**
 * Departments that decide their tasks in their own case system (前台綜合受理、後台分類審批): implemented by
 * the module that connects them (exchange). Their officers see those tasks read-only in the work queue, so
 * nobody decides a task twice; the department's system acts through
 * {@link DepartmentSystemActions#actAsDepartmentSystem}.
 */
public interface DepartmentSystems {

	/** Whether the department's tasks are handed to, and decided in, its own system. */
	boolean connected(String departmentCode);

}
