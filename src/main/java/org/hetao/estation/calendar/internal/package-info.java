/** Loading, storing and replacing the calendars behind the {@code WorkingCalendars} bean. */
package org.hetao.estation.calendar.internal;
