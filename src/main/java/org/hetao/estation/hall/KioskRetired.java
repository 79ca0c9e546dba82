package org.hetao.estation.hall;

import java.time.Instant;

/** A hall manager took a cross-border self-service kiosk out of service (recorded in the audit log). */
public record KioskRetired(long kioskId, long managerId, Instant at) {
}
