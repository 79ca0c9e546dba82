package org.hetao.estation.casework;

import org.hetao.estation.casework.internal.CaseRepository;
import org.hetao.estation.documents.DocumentReadPermission;
import org.hetao.estation.identity.EstationUser;
import org.hetao.estation.identity.Role;
import org.springframework.stereotype.Component;

/** Staff handling a case may read the documents it refers to: any clerk (一窗), officers for their department's tasks. */
@Component
class CaseworkDocumentPermission implements DocumentReadPermission {

	private final CaseRepository cases;

	CaseworkDocumentPermission(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public boolean allows(EstationUser user, long documentId) {
		if (user.hasRole(Role.CLERK)) {
			return cases.anyTaskUsesDocument(documentId);
		}
		if (user.hasRole(Role.OFFICER) && user.departmentCode() != null) {
			return cases.departmentTaskUsesDocument(user.departmentCode(), documentId);
		}
		return false;
	}

}
