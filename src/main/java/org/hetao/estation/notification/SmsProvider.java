package org.hetao.estation.notification;

/**
 * An SMS gateway. Declare a bean to replace the default one, which only records what it would send (for a
 * demo and for tests).
 */
public interface SmsProvider {

	/** Sends {@code text} to {@code phone} (E.164 or as the applicant entered it); throws on refusal. */
	void send(long notificationId, String phone, String text) throws Exception;

}
