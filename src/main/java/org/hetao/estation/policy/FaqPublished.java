package org.hetao.estation.policy;

/**
 * A consultation's question and answer were published to the FAQ of an item or policy (search
 * re-indexes that item or policy).
 *
 * @param subjectType {@code ITEM} or {@code POLICY}
 */
public record FaqPublished(long consultationId, String subjectType, String subjectCode) {
}
