package org.hetao.estation.park.internal;

import java.time.LocalDate;

import org.hetao.estation.shared.LocalizedText;

/** A leisure-information notice, shown from {@code publishOn} up to and including {@code expiresOn}. */
public record Notice(long id, NoticeCategory category, LocalizedText title, LocalizedText body, LocalDate publishOn,
		LocalDate expiresOn, String createdBy) {

	public boolean isCurrentOn(LocalDate day) {
		return !day.isBefore(publishOn) && !day.isAfter(expiresOn);
	}

}
