package dev.beacon.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.beacon.notify.consent.Recipients;

/**
 * For the console's settings page: every message a store can send (each trigger and its
 * variants) and "send me a test", which sends a preview (sample order data) straight to
 * one address, outside the outbox: nothing is recorded against an order.
 */
@Service
public class TestMessages {

	/** Variants with their own wording, per trigger. */
	private static final List<String> VARIANTS = List.of("delivered.neighbour", "delivered.pickup_point",
			"exception.address", "exception.damaged", "exception.lost", "exception.returned");

	private final NotificationManagement notifications;

	private final List<ChannelSender> senders;

	private final Clock clock;

	TestMessages(NotificationManagement notifications, List<ChannelSender> senders, Clock clock) {
		this.notifications = notifications;
		this.senders = senders;
		this.clock = clock;
	}

	/** Every message kind, as {@code trigger} or {@code trigger.variant} keys. */
	public List<String> kinds() {
		List<String> kinds = new ArrayList<>();
		for (Trigger t : Trigger.values()) {
			kinds.add(t.key());
			VARIANTS.stream().filter((v) -> v.startsWith(t.key() + ".")).forEach(kinds::add);
		}
		return kinds;
	}

	/**
	 * Sends the email preview of {@code kind} in {@code locale} to {@code to}, subject
	 * marked "[Test]". Answers what happened, in one line.
	 * @throws NotificationException when the address or the kind is invalid
	 */
	public String sendTest(UUID storeId, String kind, Locale locale, String to) {
		String address = Recipients.email(to);
		if (address == null) {
			throw new NotificationException("to", "your console user name is not an email address");
		}
		RenderedMessage r = this.notifications.preview(storeId, kind, "email", locale);
		ChannelSender email = this.senders.stream()
			.filter((s) -> s.channel() == Channel.EMAIL)
			.findFirst()
			.orElse(null);
		if (email == null || !email.configured()) {
			return "Not sent: email is not configured on this instance (spring.mail.host).";
		}
		Instant now = this.clock.instant();
		RenderedMessage marked = new RenderedMessage(r.trigger(), r.channel(), r.locale(), "[Test] " + r.subject(),
				r.text(), r.html(), r.smsSegments());
		OutboxMessage m = OutboxMessage.unstored(storeId, address, marked, now);
		ChannelSender.SendResult result = email.send(m);
		return (result.kind() == ChannelSender.SendResult.Kind.SENT) ? "Test sent to " + address + "."
				: "Not sent: " + result.detail();
	}

}
