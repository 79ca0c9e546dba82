/**
 * Cases (辦件): one applicant's submission for an item or a whole matter, one task per item moving
 * through its lifecycle with a working-day deadline; the window, the departments' work queues and the
 * applicant's "My applications". Publishes {@code CaseSubmitted}, {@code TaskAccepted}… for others to listen to.
 */
package org.hetao.estation.casework;
