/**
 * Fees and payments (繳費): the fee of each charged task, assessed from the catalogue's fee scale and the
 * application's answers when the window accepts it; payments online through a {@link
 * org.hetao.estation.payments.PaymentProvider} (the sandbox provider ships, on by default in the embedded mode),
 * each created once per {@code Idempotency-Key} and completed by the provider's signed notification, applied
 * exactly once, or taken at the window; waivers with a reason; and the pay points casework asks about
 * ({@link org.hetao.estation.casework.FeeGate}).
 */
package org.hetao.estation.payments;
