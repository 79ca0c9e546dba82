/**
 * The working-day clock: Mainland working days (public holidays and make-up working weekends, 調休)
 * and Hong Kong general holidays, loaded from data; deadlines in working days and a pausable clock.
 */
package org.hetao.estation.calendar;
