package dev.beacon.notify.email;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.beacon.order.Order;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import dev.beacon.notify.Channel;
import dev.beacon.notify.ChannelSender;
import dev.beacon.notify.News;
import dev.beacon.notify.NotificationSettings;
import dev.beacon.notify.NotifyProperties;
import dev.beacon.notify.OutboxMessage;
import dev.beacon.notify.PreparedSender;
import dev.beacon.notify.ShopperPreferences;
import dev.beacon.notify.StoreSettings;
import dev.beacon.notify.Trigger;
import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.Recipients;
import dev.beacon.notify.consent.UnsubscribeTokens;

/**
 * Email through SMTP ({@code spring.mail.*}). Multipart text + HTML, the store's sending
 * identity, a Message-ID derived from the message id, and RFC 8058 one-click unsubscribe
 * headers on optional news. A 5xx refusal of the recipient is a hard bounce (the address
 * is suppressed); a connection that breaks after the whole message was handed over (no
 * reply to the final ".") is UNCERTAIN, never retried; other failures are retried.
 */
@Component
public class EmailSender implements ChannelSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final StoreSettings settings;

	private final StoreManagement stores;

	private final UnsubscribeTokens unsubscribe;

	private final NotifyProperties properties;

	private final Consents consents;

	EmailSender(ObjectProvider<JavaMailSender> mail, StoreSettings settings, StoreManagement stores,
			UnsubscribeTokens unsubscribe, NotifyProperties properties, Consents consents) {
		this.mail = mail;
		this.settings = settings;
		this.stores = stores;
		this.unsubscribe = unsubscribe;
		this.properties = properties;
		this.consents = consents;
	}

	/**
	 * The order's email (a help request's own contact address for its acknowledgement),
	 * unless the shopper unsubscribed from email or from optional news.
	 */
	@Override
	public @Nullable String recipient(Order order, News news, ShopperPreferences prefs) {
		String to = Recipients.email(order.getCustomer().email());
		if (news.trigger() == Trigger.HELP_RECEIVED && Recipients.email(news.contactEmail()) != null) {
			to = Recipients.email(news.contactEmail());
		}
		if (to == null || !prefs.email() || (!news.trigger().isEssential() && !prefs.nonEssential())) {
			return null;
		}
		return to;
	}

	@Override
	public @Nullable String refusal(OutboxMessage m) {
		return refusal(m, this.consents.preferences(m.storeId(), m.recipient()));
	}

	private static @Nullable String refusal(OutboxMessage m, ShopperPreferences p) {
		return (!p.email() || (!m.essential() && !p.nonEssential())) ? "the shopper unsubscribed" : null;
	}

	/**
	 * For a batch: the shoppers' preferences read once, the stores' sending identities
	 * and the stores as kept a few seconds per instance.
	 */
	@Override
	public ChannelSender forBatch(List<OutboxMessage> batch) {
		List<UUID> storeIds = batch.stream().map(OutboxMessage::storeId).distinct().toList();
		Map<String, ShopperPreferences> prefs = this.consents.preferences(storeIds,
				batch.stream().map(OutboxMessage::recipient).distinct().toList());
		Map<UUID, NotificationSettings> identities = this.settings.recentBasics(storeIds);
		Map<UUID, Optional<Store>> stores = new HashMap<>();
		storeIds.forEach((id) -> stores.put(id, this.stores.recentById(id)));
		return new PreparedSender(this) {

			@Override
			public @Nullable String refusal(OutboxMessage m) {
				return EmailSender.refusal(m,
						prefs.getOrDefault(Consents.key(m.storeId(), m.recipient()), ShopperPreferences.defaults()));
			}

			@Override
			public SendResult send(OutboxMessage m) {
				return EmailSender.this.send(m, identities.get(m.storeId()), stores.get(m.storeId()));
			}

		};
	}

	@Override
	public @Nullable String unsubscribeLink(UUID storeId, String recipient, boolean essential) {
		return essential ? null : this.unsubscribe.url(storeId, recipient);
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean configured() {
		return this.mail.getIfAvailable() != null;
	}

	/**
	 * Jakarta Mail waits forever by default: unless configured
	 * ({@code spring.mail.properties.mail.smtp.*timeout}), connect within 10 s and let
	 * each read or write take at most 30 s.
	 */
	static void withTimeouts(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl impl) {
			java.util.Properties p = impl.getJavaMailProperties();
			for (String protocol : new String[] { "smtp", "smtps" }) {
				p.putIfAbsent("mail." + protocol + ".connectiontimeout", "10000");
				p.putIfAbsent("mail." + protocol + ".timeout", "30000");
				p.putIfAbsent("mail." + protocol + ".writetimeout", "30000");
			}
		}
	}

	static String messageId(OutboxMessage m) {
		return "<" + m.id() + "@beacon.notify>";
	}

	@Override
	public SendResult send(OutboxMessage m) {
		return send(m, this.settings.basics(List.of(m.storeId())).get(m.storeId()),
				this.stores.recentById(m.storeId()));
	}

	private SendResult send(OutboxMessage m, NotificationSettings s, Optional<Store> stored) {
		JavaMailSender sender = this.mail.getObject();
		withTimeouts(sender);
		MimeMessage mime = null;
		try {
			mime = create(sender, messageId(m));
			Store store = stored.orElseThrow();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			String fromAddress = (s.fromAddress() != null) ? s.fromAddress() : this.properties.emailFrom();
			String fromName = (s.fromName() != null) ? s.fromName() : store.getName();
			helper.setFrom(new InternetAddress(fromAddress, fromName, "UTF-8"));
			String replyTo = (m.trigger() == Trigger.HELP_REPLIED) ? this.settings.supportAddress(store)
					: (s.replyTo() != null) ? s.replyTo() : store.getBrand().supportEmail();
			if (replyTo != null) {
				helper.setReplyTo(replyTo);
			}
			helper.setTo(m.recipient());
			helper.setSubject((m.subject() != null) ? m.subject() : "");
			helper.setText(m.text(), (m.bodyHtml() != null) ? m.bodyHtml() : m.text());
			mime.setHeader("X-Beacon-Message", m.id().toString());
			mime.setHeader("Content-Language", m.locale().toLanguageTag());
			if (!m.essential()) {
				mime.setHeader("List-Unsubscribe", "<" + this.unsubscribe.url(m.storeId(), m.recipient()) + ">");
				mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			sender.send(mime);
			return SendResult.sent(messageId(m));
		}
		catch (MailAuthenticationException ex) {
			return SendResult.retry("SMTP authentication failed: " + ex.getMessage());
		}
		catch (MailException ex) {
			Integer code = SmtpReplies.code(ex);
			if (mime instanceof Outgoing out && out.handedOver && code == null) {
				if (ex instanceof MailSendException mse && mse.getFailedMessages().isEmpty()) {
					// the server answered 250; only closing the connection failed
					return SendResult.sent(messageId(m));
				}
				// after the final "." the server may have taken it: a retry could send it
				// twice
				return SendResult.uncertain("the connection to the mail server broke after the whole message was "
						+ "handed over (" + shorten(ex.getMessage()) + ")");
			}
			if (code != null && code >= 500 && code < 600) {
				return SendResult.suppress("hard bounce (SMTP " + code + ")");
			}
			return SendResult.retry("SMTP: " + shorten(ex.getMessage()));
		}
		catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
			return SendResult.retry("email: " + shorten(ex.getMessage()));
		}
	}

	private static MimeMessage create(JavaMailSender sender, String messageId) {
		Session session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession() : null;
		if (session == null) {
			return sender.createMimeMessage();
		}
		return new Outgoing(session, messageId);
	}

	/**
	 * Knows whether it was written out whole (SMTP {@code DATA}): a failure after that is
	 * ambiguous (the server may have answered 250 unseen), one before it is not.
	 */
	private static final class Outgoing extends MimeMessage {

		private final String messageId;

		private volatile boolean handedOver;

		Outgoing(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

		@Override
		public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
			super.writeTo(os, ignoreList);
			this.handedOver = true;
		}

	}

	@Override
	public Reconciliation reconcile(OutboxMessage message) {
		// SMTP has no way to ask whether a message was accepted
		return Reconciliation.unknown("the dispatcher stopped right after handing it to the mail server");
	}

	public static String shorten(@Nullable String s) {
		if (s == null) {
			return "unknown error";
		}
		String one = s.replaceAll("\\s+", " ").strip();
		return (one.length() > 300) ? one.substring(0, 300) : one.toLowerCase(Locale.ROOT).isEmpty() ? "error" : one;
	}

}
