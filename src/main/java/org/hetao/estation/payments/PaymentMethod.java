package org.hetao.estation.payments;

/** How a payment was taken: online through a provider, or at the window. */
public enum PaymentMethod {

	ONLINE,
	/** cash at the window */
	WINDOW_CASH,
	/** the window's card terminal (its reference kept) */
	WINDOW_CARD,
	/** FPS (轉數快) at the window (its reference kept) */
	WINDOW_FPS;

	/** The provider name a window payment is booked under: no provider is called, reconciliation leaves it out. */
	public static final String WINDOW = "window";

	public boolean atWindow() {
		return this != ONLINE;
	}

	/** Whether the window must record the terminal's or FPS reference. */
	public boolean needsReference() {
		return this == WINDOW_CARD || this == WINDOW_FPS;
	}

}
