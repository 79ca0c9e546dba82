package org.hetao.estation.notification;

/** Sends one message through one channel; throws when the channel refused it (the dispatcher retries). */
public interface ChannelSender {

	NotificationChannel channel();

	void send(Notification message) throws Exception;

}
