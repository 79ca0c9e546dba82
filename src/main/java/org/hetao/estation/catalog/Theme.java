package org.hetao.estation.catalog;

/** The e-Station's four theme functions (四大主題功能). */
public enum Theme {
	COMPREHENSIVE_SERVICES, EXHIBITION_EXCHANGE, BUSINESS_NEGOTIATION, LEISURE_INFORMATION;

	/** The key of the theme's name, {@code theme.COMPREHENSIVE_SERVICES}. */
	public String messageKey() {
		return "theme." + name();
	}
}
