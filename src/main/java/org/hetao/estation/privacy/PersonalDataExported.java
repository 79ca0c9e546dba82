package org.hetao.estation.privacy;

/** An applicant downloaded everything held about them ({@code JSON} or {@code ZIP}); audited. */
public record PersonalDataExported(String subject, String format, int sections) {
}
