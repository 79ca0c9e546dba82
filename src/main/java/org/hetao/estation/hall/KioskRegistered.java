package org.hetao.estation.hall;

import java.time.Instant;

/** A hall manager made a device a cross-border self-service kiosk (recorded in the audit log). */
public record KioskRegistered(long kioskId, String name, long managerId, Instant at) {
}
