package org.hetao.estation.catalog;

/** Where an item can be handled. */
public enum Channel {
	/** At any comprehensive window of the hall (一窗式). */
	WINDOW,
	/** Online, through the portal (一網式). */
	ONLINE,
	/** Cross-border self-service: from Hong Kong for a Shenzhen item, or the reverse (跨境通辦). */
	CROSS_BORDER_SELF_SERVICE
}
