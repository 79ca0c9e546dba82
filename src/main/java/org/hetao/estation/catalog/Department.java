package org.hetao.estation.catalog;

import org.hetao.estation.shared.LocalizedText;

/**
 * A department or partner institution that serves the zone (customs, exit-entry, tax, a bank's
 * cross-border desk, a notary office, the zone's administration…).
 *
 * @param code stable code, e.g. {@code customs}, {@code tax}, {@code market-regulation}; officers are bound to it
 * @param partner true for partner institutions (banks, accounting and legal service providers) rather than government
 */
public record Department(String code, LocalizedText name, ServiceDomain domain, boolean partner) {
}
