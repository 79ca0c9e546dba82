package org.hetao.estation.casework;

import org.hetao.estation.catalog.Channel;
import org.hetao.estation.catalog.ServiceItem;

/** Where an action on a case came from. */
public enum CaseChannel {
	/** The applicant's own pages (一網式). */
	ONLINE(Channel.ONLINE),
	/** A comprehensive window or a department's pages in the hall (一窗式). */
	WINDOW(Channel.WINDOW),
	/** The open API: applying through it is applying online. */
	API(Channel.ONLINE),
	/** A cross-border self-service kiosk of the hall (跨境通辦自助機). */
	KIOSK(Channel.CROSS_BORDER_SELF_SERVICE);

	private final Channel catalogChannel;

	CaseChannel(Channel catalogChannel) {
		this.catalogChannel = catalogChannel;
	}

	/** The catalogue's channel an application through this one uses. */
	public Channel catalogChannel() {
		return catalogChannel;
	}

	/** Whether the item may be applied for through this channel (its catalogue entry's {@code channels}). */
	public boolean offers(ServiceItem item) {
		return item.channels().contains(catalogChannel);
	}

	public String messageKey() {
		return "casework.channel." + name();
	}
}
