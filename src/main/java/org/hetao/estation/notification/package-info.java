/**
 * Notifications: what the platform tells applicants about their cases, appointments and tickets, written to a
 * transactional outbox with the event that causes it and sent by email, SMS and the in-account inbox.
 */
package org.hetao.estation.notification;
