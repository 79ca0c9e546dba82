package org.hetao.estation.park;

/**
 * Published for every step of a settlement application (submitted, screened, decided, allocated…):
 * the audit log records it, notifications may tell the applicant.
 *
 * @param id the application's id
 * @param reference the number the applicant sees, e.g. {@code PS-2026-000123}
 * @param step what happened
 * @param state the application's state afterwards
 * @param actor who did it (username)
 */
public record SettlementStepTaken(long id, String reference, String step, String state, String actor) {
}
