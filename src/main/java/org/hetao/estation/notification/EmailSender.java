package org.hetao.estation.notification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;

import org.hetao.estation.shared.LateBeans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP when {@code spring.mail.host} is set; otherwise (the demo) the message goes to the log, with
 * the address masked.
 */
@Component
class EmailSender implements ChannelSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final Supplier<Optional<JavaMailSender>> mail;

	private final String from;

	private final String baseUrl;

	EmailSender(ObjectProvider<JavaMailSender> mail,
			@Value("${estation.notification.email.from:no-reply@estation.example}") String from,
			@Value("${estation.notification.base-url:http://localhost:8080}") String baseUrl) {
		this.mail = LateBeans.optional(mail);
		this.from = from;
		this.baseUrl = baseUrl;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.EMAIL;
	}

	@Override
	public void send(Notification message) throws Exception {
		String text = message.link() == null ? message.body() : message.body() + "\n\n" + baseUrl + message.link();
		JavaMailSender sender = mail.get().orElse(null);
		if (sender == null) {
			log.info("Email (no SMTP server configured) #{} to {}: {}", message.id(), message.recipientMasked(),
					message.subject());
			return;
		}
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(message.recipient());
		helper.setSubject(message.subject());
		helper.setText(text, false);
		mime.setHeader("Content-Language", message.language());
		sender.send(mime);
	}

}
