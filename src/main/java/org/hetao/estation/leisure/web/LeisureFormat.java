package org.hetao.estation.leisure.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.hetao.estation.shared.Language;

/**
 * Dates and times as a reader of each language expects them. Timetables use the 24-hour clock in every
 * language (as the ports and bus operators of both cities print them); dates are written out.
 */
public final class LeisureFormat {

	static final LeisureFormat INSTANCE = new LeisureFormat();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("M月d日（EEE）", Locale.TRADITIONAL_CHINESE);

	private static final DateTimeFormatter DATE_ZH_HANS = DateTimeFormatter.ofPattern("M月d日（EEE）",
			Locale.SIMPLIFIED_CHINESE);

	private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

	public String time(LocalTime time) {
		return time == null ? "" : TIME.format(time);
	}

	public String date(LocalDate date, Locale locale) {
		if (date == null) {
			return "";
		}
		return switch (Language.of(locale)) {
			case ZH_HANT -> DATE_ZH.format(date);
			case ZH_HANS -> DATE_ZH_HANS.format(date);
			case EN -> DATE_EN.format(date);
		};
	}

	/** "14:05, 1 Oct" style: the time, and the date when it is not today. */
	public String moment(ZonedDateTime at, LocalDate today, Locale locale) {
		if (at == null) {
			return "";
		}
		String time = time(at.toLocalTime());
		return at.toLocalDate().equals(today) ? time : date(at.toLocalDate(), locale) + " " + time;
	}

	/** The CSS modifier of a queue level's tag (the words always say it too). */
	public String queueClass(org.hetao.estation.leisure.QueueLevel level) {
		return switch (level) {
			case NORMAL -> "leisure-tag--ok";
			case BUSY -> "leisure-tag--warn";
			case VERY_BUSY -> "leisure-tag--err";
			default -> "leisure-tag--none";
		};
	}

}
