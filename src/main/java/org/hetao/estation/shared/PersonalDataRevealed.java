package org.hetao.estation.shared;

/**
 * Someone was shown a personal-data value unmasked: audited (who, when, from where by the audit module;
 * which subject and field here; never the value).
 *
 * @param subject what the value belongs to, e.g. {@code case:HT20261127-000123} or {@code account:42}
 * @param field which value, e.g. {@code applicant.idNumber} or {@code GOV-001.contactPhone}
 * @param viewerRole the role under which it was shown (APPLICANT, CLERK, OFFICER)
 */
public record PersonalDataRevealed(String subject, String field, long viewerAccountId, String viewerRole) {
}
