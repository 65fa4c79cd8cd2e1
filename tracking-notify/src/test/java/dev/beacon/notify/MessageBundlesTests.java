package dev.beacon.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.beacon.order.OrderItem;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Brand;

import dev.beacon.notify.email.EmailLayout;
import dev.beacon.notify.sms.SmsLayout;
import dev.beacon.notify.sms.SmsText;

import static org.assertj.core.api.Assertions.assertThat;

/** Every language has every key, and every message renders completely and fits. */
class MessageBundlesTests {

	static final List<String> FILES = List.of("messages.properties", "messages_es.properties",
			"messages_pt_BR.properties", "messages_de.properties", "messages_fr.properties");

	static final Map<Trigger, List<String>> VARIANTS = Map.of(Trigger.DELIVERED, List.of("neighbour", "pickup_point"),
			Trigger.EXCEPTION, List.of("address", "damaged", "lost", "returned"));

	@Test
	void everyBundleHasExactlyTheKeysOfTheEnglishOne() throws IOException {
		Set<String> english = keys("messages.properties");
		for (Trigger t : Trigger.values()) {
			for (String field : MessageRenderer.FIELDS) {
				assertThat(english).as("english bundle").contains(t.key() + "." + field);
			}
		}
		for (String file : FILES) {
			assertThat(keys(file)).as(file).isEqualTo(english);
		}
	}

	@ParameterizedTest
	@MethodSource("locales")
	void everyMessageRendersCompletelyAndSmsFitsTwoGsmSegments(Locale locale) {
		MessageRenderer renderer = renderer();
		for (Trigger t : Trigger.values()) {
			List<String> variants = new java.util.ArrayList<>();
			variants.add(null);
			variants.addAll(VARIANTS.getOrDefault(t, List.of()));
			for (String v : variants) {
				MessageContext ctx = new MessageContext(t, v, "Ferragens Ação & Companhia Limitada", Brand.defaults(),
						"Maximiliana", "ORDER-2026-000123",
						List.of(new OrderItem(null, "Hand-stitched leather weekender bag", 1),
								new OrderItem(null, "Socks", 3)),
						"Sandbox Express", "SBX0123456789",
						new DeliveryWindow(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11)),
						"São José dos Campos, SP, BR", "Delivered to neighbour at no. 12", LocalDate.of(2026, 3, 1),
						"https://track.example.com/t/ferragens-acao-e-companhia/orders/ORDER-2026-000123?k=1780000000.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefg",
						"https://track.example.com/notifications/unsubscribe/x.y", Map.of());
				RenderedMessage email = renderer.render(ctx, Channel.EMAIL, locale);
				assertThat(email.subject()).doesNotContain("{").isNotBlank();
				assertThat(email.text()).doesNotContain("{").contains(ctx.link());
				assertThat(email.html()).contains("lang=\"" + locale.toLanguageTag() + "\"")
					.contains("href=\"" + ctx.link().replace("&", "&amp;") + "\"");
				RenderedMessage sms = renderer.render(ctx, Channel.SMS, locale);
				assertThat(sms.text()).as(t + "/" + v + "/" + locale).doesNotContain("{").endsWith(ctx.link());
				assertThat(SmsText.isGsm(sms.text())).as(sms.text()).isTrue();
				assertThat(SmsText.septets(sms.text())).as(sms.text()).isLessThanOrEqualTo(306);
				assertThat(sms.smsSegments()).isBetween(1, 2);
			}
		}
	}

	@Test
	void gsmTextKeepsAccentsGsmHasAndDropsTheOthers() {
		assertThat(SmsText.toGsm("Pedido à caminho: ação, São, ü, é, €"))
			.isEqualTo("Pedido à caminho: acao, Sao, ü, é, €");
		assertThat(SmsText.septets("€[")).isEqualTo(4);
		assertThat(SmsText.segments("x".repeat(160))).isEqualTo(1);
		assertThat(SmsText.segments("x".repeat(161))).isEqualTo(2);
		String long1 = SmsText.compose("word ".repeat(100), "https://x.example/t");
		assertThat(SmsText.septets(long1)).isLessThanOrEqualTo(306);
		assertThat(long1).endsWith("... https://x.example/t");
	}

	@Test
	void localesFallBackSensibly() {
		assertThat(MessageRenderer.resolveLocale("pt", Locale.ENGLISH)).isEqualTo(Locale.forLanguageTag("pt-BR"));
		assertThat(MessageRenderer.resolveLocale("es-MX", Locale.ENGLISH)).isEqualTo(Locale.forLanguageTag("es"));
		assertThat(MessageRenderer.resolveLocale("ja", Locale.GERMAN)).isEqualTo(Locale.GERMAN);
		assertThat(MessageRenderer.resolveLocale(null, Locale.forLanguageTag("it"))).isEqualTo(Locale.ENGLISH);
	}

	/**
	 * Writes a few rendered emails to target/email-previews (docs/screenshots are made
	 * from them).
	 */
	@Test
	void writesEmailPreviews() throws IOException {
		MessageRenderer renderer = renderer();
		java.nio.file.Path dir = java.nio.file.Path.of("target", "email-previews");
		java.nio.file.Files.createDirectories(dir);
		Brand brand = new Brand(null, "#7c2d12", "#15803d", "help@acme-outdoor.example", null, null, null);
		Object[][] samples = { { Trigger.SHIPPED, null, Locale.ENGLISH },
				{ Trigger.OUT_FOR_DELIVERY, null, Locale.ENGLISH }, { Trigger.EXCEPTION, "address", Locale.ENGLISH },
				{ Trigger.DELAYED, null, Locale.forLanguageTag("pt-BR") },
				{ Trigger.DELIVERED, "pickup_point", Locale.GERMAN } };
		for (Object[] sample : samples) {
			Trigger t = (Trigger) sample[0];
			MessageContext ctx = new MessageContext(t, (String) sample[1], "Acme Outdoor", brand, "Ana", "1042",
					List.of(new OrderItem(null, "Trail lamp", 1), new OrderItem(null, "Canvas tote", 2)), "UPS",
					"1Z999AA10123456784", new DeliveryWindow(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10)),
					"Memphis, TN, US", null, null,
					"https://track.acme-outdoor.example/t/acme/orders/1042?k=1780000000.sig", null, Map.of());
			RenderedMessage m = renderer.render(ctx, Channel.EMAIL, (Locale) sample[2]);
			String name = t.key() + ((sample[1] != null) ? "-" + sample[1] : "") + "-"
					+ ((Locale) sample[2]).toLanguageTag();
			java.nio.file.Files.writeString(dir.resolve(name + ".html"), m.html());
			java.nio.file.Files.writeString(dir.resolve(name + ".txt"), "Subject: " + m.subject() + "\n\n" + m.text());
			assertThat(m.html()).contains("#7c2d12");
		}
	}

	/** The renderer with the layouts of both channels, as the application wires it. */
	static MessageRenderer renderer() {
		return new MessageRenderer(List.of(new EmailLayout(), new SmsLayout()));
	}

	static List<Locale> locales() {
		return MessageRenderer.SUPPORTED;
	}

	private static Set<String> keys(String file) throws IOException {
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/i18n/notify/" + file)) {
			assertThat(in).as(file).isNotNull();
			Properties p = new Properties();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return new TreeSet<>(p.stringPropertyNames());
		}
	}

}
