package org.hetao.estation.documents;

import org.hetao.estation.identity.EstationUser;

/**
 * Lets someone other than its owner read a document, e.g. the staff handling a case that refers to it.
 * Other modules declare beans of this type; the owner may always read their own documents.
 */
@FunctionalInterface
public interface DocumentReadPermission {

	boolean allows(EstationUser user, long documentId);

}
