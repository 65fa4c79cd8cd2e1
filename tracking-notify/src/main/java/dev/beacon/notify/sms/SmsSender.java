package dev.beacon.notify.sms;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.beacon.order.Order;

import dev.beacon.notify.Channel;
import dev.beacon.notify.ChannelSender;
import dev.beacon.notify.News;
import dev.beacon.notify.NotificationSettings;
import dev.beacon.notify.NotifyProperties;
import dev.beacon.notify.OutboxMessage;
import dev.beacon.notify.PreparedSender;
import dev.beacon.notify.ShopperPreferences;
import dev.beacon.notify.StoreSettings;
import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.Recipients;
import dev.beacon.notify.email.EmailSender;

/**
 * SMS through Twilio ({@code beacon.sms.twilio.*}). With {@code base-url} set, every
 * request the SDK addresses to api.twilio.com goes there instead (tests, proxies). Twilio
 * error 21610 (the number replied STOP) suppresses the number; 429 and 5xx are retried;
 * other 4xx are permanent. Twilio has no documented idempotency key for outbound
 * messages, so after a crash the dispatcher asks Twilio's message list whether the text
 * went out before sending again.
 */
@Component
public class SmsSender implements ChannelSender {

	private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

	static final int OPTED_OUT = 21610;

	/** Clock difference allowed between Beacon and Twilio. */
	private static final Duration SKEW = Duration.ofMinutes(5);

	private static final int MAX_READ = 200;

	static final String OPTED_OUT_REASON = "number opted out at Twilio (21610)";

	private final TwilioProperties properties;

	private final Consents consents;

	private final NotifyProperties notify;

	private final StoreSettings settings;

	private volatile @Nullable TwilioRestClient client;

	public SmsSender(TwilioProperties properties, Consents consents, NotifyProperties notify, StoreSettings settings) {
		this.properties = properties;
		this.consents = consents;
		this.notify = notify;
		this.settings = settings;
	}

	/** The order's phone, only with the shopper's SMS consent for the store. */
	@Override
	public @Nullable String recipient(Order order, News news, ShopperPreferences prefs) {
		String phone = Recipients.phone(order.getCustomer().phone());
		if (phone == null || !prefs.sms() || !this.consents.smsConsent(order.getStoreId(), phone)) {
			return null;
		}
		return phone;
	}

	@Override
	public @Nullable String refusal(OutboxMessage m) {
		return refusal(this.consents.smsConsent(m.storeId(), m.recipient()));
	}

	private static @Nullable String refusal(boolean consented) {
		return consented ? null : "no SMS consent (opted out)";
	}

	/**
	 * For a batch: the numbers' consents read once, the stores' quiet hours as kept a few
	 * seconds per instance.
	 */
	@Override
	public ChannelSender forBatch(List<OutboxMessage> batch) {
		List<UUID> storeIds = batch.stream().map(OutboxMessage::storeId).distinct().toList();
		Set<String> consented = this.consents.smsConsents(storeIds,
				batch.stream().map(OutboxMessage::recipient).distinct().toList());
		Map<UUID, NotificationSettings> settings = this.settings.recentBasics(storeIds);
		return new PreparedSender(this) {

			@Override
			public @Nullable String refusal(OutboxMessage m) {
				return SmsSender.refusal(consented.contains(Consents.key(m.storeId(), m.recipient())));
			}

			@Override
			public @Nullable Hold hold(OutboxMessage m, Instant now) {
				return SmsSender.this.hold(m, now, settings.get(m.storeId()));
			}

		};
	}

	/**
	 * Quiet hours in the shopper's time zone: the store's (notification settings), else
	 * the instance's ({@code beacon.notify.quiet-start/-end}).
	 */
	@Override
	public @Nullable Hold hold(OutboxMessage m, Instant now) {
		return hold(m, now, this.settings.basics(List.of(m.storeId())).get(m.storeId()));
	}

	private @Nullable Hold hold(OutboxMessage m, Instant now, NotificationSettings s) {
		LocalTime start = (s.quietStart() != null) ? s.quietStart() : this.notify.quietStart();
		LocalTime end = (s.quietEnd() != null) ? s.quietEnd() : this.notify.quietEnd();
		if (start.equals(end)) {
			return null; // no quiet hours
		}
		ZonedDateTime local = now.atZone(m.zone());
		LocalTime t = local.toLocalTime();
		boolean quiet = start.isAfter(end) ? (!t.isBefore(start) || t.isBefore(end))
				: (!t.isBefore(start) && t.isBefore(end));
		if (!quiet) {
			return null;
		}
		ZonedDateTime until = local.with(end);
		if (!until.isAfter(local)) {
			until = until.plusDays(1);
		}
		return new Hold(until.toInstant(), "quiet hours");
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean configured() {
		return this.properties.configured();
	}

	@Override
	public SendResult send(OutboxMessage m) {
		try {
			Message sms = Message
				.creator(new PhoneNumber(m.recipient()), new PhoneNumber(this.properties.from()), m.text())
				.create(client());
			return SendResult.sent(sms.getSid());
		}
		catch (ApiException ex) {
			Integer code = ex.getCode();
			Integer status = ex.getStatusCode();
			if (code != null && code == OPTED_OUT) {
				return SendResult.suppress(OPTED_OUT_REASON);
			}
			String detail = "Twilio " + ((code != null) ? code : "") + " " + EmailSender.shorten(ex.getMessage());
			if (status == null) {
				// no HTTP answer (connection reset, read timeout): Twilio may have the
				// text
				return SendResult.reconcile(detail.strip());
			}
			if (status == 429 || status >= 500) {
				return SendResult.retry(detail.strip());
			}
			return SendResult.permanent(detail.strip());
		}
		catch (RuntimeException ex) {
			return SendResult.reconcile("Twilio: " + EmailSender.shorten(ex.getMessage()));
		}
	}

	/**
	 * Looks for the text in Twilio's list of messages to the number (newest first, queued
	 * ones included), created since shortly before the provider was called. Exactly one
	 * match is the message; none, with the list read back past that time, means it never
	 * went out; anything else (several identical texts, e.g. a resend, or a list too long
	 * to read) is ambiguous and answered UNKNOWN, never guessed.
	 */
	@Override
	public Reconciliation reconcile(OutboxMessage m) {
		Instant calledAt = m.providerCalledAt();
		if (calledAt == null) {
			return Reconciliation.notSent();
		}
		Instant since = calledAt.minus(SKEW);
		try {
			List<String> matches = new ArrayList<>();
			boolean complete = false;
			int read = 0;
			for (Message sent : Message.reader()
				.setTo(new PhoneNumber(m.recipient()))
				.setFrom(new PhoneNumber(this.properties.from()))
				.setPageSize(50L)
				.read(client())) {
				ZonedDateTime created = sent.getDateCreated();
				if (created != null && created.toInstant().isBefore(since)) {
					complete = true; // newest first: everything after is older
					break;
				}
				if (m.text().equals(sent.getBody())) {
					matches.add(sent.getSid());
				}
				if (++read >= MAX_READ) {
					break;
				}
			}
			complete |= read < MAX_READ;
			if (matches.size() == 1) {
				return Reconciliation.found(matches.get(0));
			}
			if (matches.isEmpty() && complete) {
				return Reconciliation.notSent();
			}
			return Reconciliation.unknown(matches.isEmpty() ? "Twilio's message list is too long to be sure"
					: "Twilio shows " + matches.size() + " identical texts to the number");
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask Twilio whether message {} went out: {}", m.id(), ex.getMessage());
			return Reconciliation.unavailable();
		}
	}

	private TwilioRestClient client() {
		TwilioRestClient c = this.client;
		if (c == null) {
			synchronized (this) {
				c = this.client;
				if (c == null) {
					c = build();
					this.client = c;
				}
			}
		}
		return c;
	}

	private TwilioRestClient build() {
		TwilioRestClient.Builder builder = new TwilioRestClient.Builder(this.properties.accountSid(),
				this.properties.authToken());
		String base = this.properties.baseUrl();
		if (base != null && !base.isBlank()) {
			URI uri = URI.create(base.strip());
			boolean secure = "https".equalsIgnoreCase(uri.getScheme());
			int port = (uri.getPort() > 0) ? uri.getPort() : (secure ? 443 : 80);
			HttpHost target = new HttpHost(uri.getScheme(), uri.getHost(), port);
			HttpClientBuilder http = HttpClients.custom()
				.useSystemProperties()
				.setRoutePlanner((host, context) -> new HttpRoute(target, null, secure));
			builder.httpClient(new NetworkHttpClient(http));
		}
		return builder.build();
	}

}
