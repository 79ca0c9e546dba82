package org.hetao.estation.casework;

/** How a result is handed over (統一窗口出件). */
public enum DeliveryMethod {
	COUNTER_PICKUP, POST, ELECTRONIC;

	public String messageKey() {
		return "casework.delivery." + name();
	}
}
