package org.hetao.estation.hall.web;

import org.hetao.estation.shared.Problem;
import org.springframework.validation.BindingResult;

/** Puts a {@link Problem}'s field errors on a form so the page shows each next to its field. */
final class ProblemFields {

	private ProblemFields() {
	}

	static void bind(Problem problem, BindingResult result) {
		if (problem.fieldErrors().isEmpty()) {
			result.reject(problem.messageKey(), problem.args(), null);
			return;
		}
		for (Problem.FieldError error : problem.fieldErrors()) {
			if (hasField(result, error.field())) {
				result.rejectValue(error.field(), error.messageKey(), error.args(), null);
			}
			else {
				result.reject(error.messageKey(), error.args(), null);
			}
		}
	}

	private static boolean hasField(BindingResult result, String field) {
		try {
			result.getFieldType(field);
			return result.getTarget() != null
					&& org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

}
