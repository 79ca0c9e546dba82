package org.hetao.estation.park.internal;

/** What a leisure-information notice (休閒資訊) is about. */
public enum NoticeCategory {

	/** Port opening hours, shuttle buses. */
	CROSS_BORDER_TRANSPORT, DINING_AMENITIES, CULTURE_SPORT, SAFETY;

	public String messageKey() {
		return "park.notice.category." + name();
	}

}
