package org.hetao.estation.documents;

import java.time.Instant;

/**
 * A stored document as others see it.
 *
 * @param originalName the file name the user gave, for display only
 * @param contentType detected from the content: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param sha256 hex SHA-256 of the content
 */
public record DocumentInfo(long id, long ownerAccountId, String originalName, String contentType, long sizeBytes,
		String sha256, Instant uploadedAt) {
}
