package org.hetao.estation.casework.web;

import java.util.Arrays;
import java.util.function.Supplier;

import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.FeeGate;
import org.hetao.estation.shared.Problem;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How the window's and the work queue's forms answer an action on a task: its outcome as a flash message. */
final class TaskActions {

	private TaskActions() {
	}

	/**
	 * Runs an action and says it was done (the case after it is returned). A rule it breaks (a missing reason, an
	 * empty notice, an unpaid fee) is flashed to be shown next to the forms (null is returned); anything else, an
	 * illegal transition or a stale version, is thrown: an error page (409).
	 */
	static CaseView run(String action, RedirectAttributes redirect, Supplier<CaseView> run) {
		try {
			CaseView c = run.get();
			redirect.addFlashAttribute("done", "casework.action." + action);
			return c;
		}
		catch (Problem problem) {
			// an unpaid fee is said next to the forms too: the clerk or officer sees which fee holds the task
			boolean feeUnpaid = FeeGate.FEE_UNPAID.equals(problem.messageKey());
			if (problem.kind() != Problem.Kind.INVALID && !feeUnpaid) {
				throw problem;
			}
			if (feeUnpaid) {
				redirect.addFlashAttribute("actionErrorArgs", Arrays.stream(problem.args()).map(String::valueOf).toList());
			}
			redirect.addFlashAttribute("actionError", problem.messageKey());
			return null;
		}
	}

}
