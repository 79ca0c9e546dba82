package org.hetao.estation.notification;

import org.springframework.stereotype.Component;

/** SMS through the configured {@link SmsProvider}: the subject line is the text (an SMS is short). */
@Component
class SmsSender implements ChannelSender {

	private final SmsProvider provider;

	SmsSender(SmsProvider provider) {
		this.provider = provider;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.SMS;
	}

	@Override
	public void send(Notification message) throws Exception {
		provider.send(message.id(), message.recipient(), message.subject());
	}

}
