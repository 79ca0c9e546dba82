package org.hetao.estation.privacy;

import java.util.List;

/** An applicant's erasure request was carried out; {@code outcomes} says per category what went and what stayed. Audited. */
public record ErasureCompleted(String subject, List<String> outcomes) {
}
