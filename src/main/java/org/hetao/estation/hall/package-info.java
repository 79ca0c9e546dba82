/**
 * The e-Station hall (一門式): windows and the queue (取號 / 叫號), the live display board,
 * appointments (預約), bookable rooms and spaces and the exhibition &amp; exchange events held in them.
 * Other modules may react to {@link org.hetao.estation.hall.TicketCalled} and
 * {@link org.hetao.estation.hall.TicketServed}.
 */
package org.hetao.estation.hall;
