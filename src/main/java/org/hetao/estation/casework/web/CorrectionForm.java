package org.hetao.estation.casework.web;

import java.util.List;

import org.hetao.estation.casework.CaseChannel;
import org.hetao.estation.casework.CaseView;
import org.hetao.estation.casework.TaskHandling;
import org.hetao.estation.identity.CurrentUser;

/**
 * A correction notice as the window's and the work queue's forms send it: the materials ({@code missing}) and answers
 * ({@code fields}, the item's field keys) it names, a free-text note, the reason, and the task version the sender saw.
 */
record CorrectionForm(Integer version, List<String> missing, List<String> fields, String note, String reason) {

	/** Sends the notice for the task, in the signed-in member of staff's name, from the centre. */
	CaseView send(TaskHandling handling, long taskId) {
		return handling.requestCorrection(CurrentUser.require(), taskId, version,
				WindowController.deficiencies(missing, fields, note), reason, CaseChannel.WINDOW);
	}

}
