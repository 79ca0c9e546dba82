/**
 * Uploaded documents (applicants' materials): stored outside the database behind {@link org.hetao.estation.documents.DocumentStore},
 * checked by content (PDF, JPEG, PNG), fingerprinted with SHA-256, offered again for reuse, and readable
 * only by their owner and the staff a {@link org.hetao.estation.documents.DocumentReadPermission} allows.
 */
package org.hetao.estation.documents;
