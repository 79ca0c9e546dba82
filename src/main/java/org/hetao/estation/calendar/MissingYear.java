package org.hetao.estation.calendar;

import org.hetao.estation.shared.Jurisdiction;

/**
 * A year the platform will soon count working days in, but whose official calendar is not loaded:
 * deadlines there are provisional (weekends only) until an administrator loads it.
 */
public record MissingYear(Jurisdiction jurisdiction, int year) implements java.io.Serializable {
}
