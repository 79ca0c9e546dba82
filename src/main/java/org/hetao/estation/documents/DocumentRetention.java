package org.hetao.estation.documents;

/**
 * Says that a document must be kept when its owner asks for erasure, e.g. because an open case or a
 * decision under archive retention refers to it. Other modules declare beans of this type.
 */
@FunctionalInterface
public interface DocumentRetention {

	boolean retains(long documentId);

}
