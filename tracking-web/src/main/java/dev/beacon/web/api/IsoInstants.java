package dev.beacon.web.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Instants written as JSON text exactly as {@link DateTimeFormatter#ISO_INSTANT} writes
 * them ({@code 2026-08-28T10:43:09.268932Z}: seconds always, the fraction in groups of 3
 * digits as needed), without the formatter's general machinery: about a fifth of the JSON
 * writing of a status API answer went into it (docs/performance.md, issue 13). Everything
 * else is Jackson's own {@link InstantSerializer}: numeric timestamps when configured, a
 * {@code @JsonFormat} pattern, millisecond truncation, and years outside 1000-9999
 * (formatted by {@code ISO_INSTANT}).
 */
@Configuration(proxyBeanMethods = false)
class IsoInstants {

	/** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
	private static final long FIRST = -30610224000L, END = 253402300800L;

	@Bean
	JsonMapperBuilderCustomizer isoInstantWriting() {
		return (builder) -> builder
			.addModule(new SimpleModule("beacon-iso-instants").addSerializer(Instant.class, new Serializer()));
	}

	/** The text {@code DateTimeFormatter.ISO_INSTANT.format(t)} gives. */
	static String format(Instant t) {
		long seconds = t.getEpochSecond();
		if (seconds < FIRST || seconds >= END) {
			return DateTimeFormatter.ISO_INSTANT.format(t);
		}
		int nano = t.getNano();
		LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
		byte[] b = new byte[30];
		digits(b, 0, d.getYear(), 4);
		b[4] = '-';
		digits(b, 5, d.getMonthValue(), 2);
		b[7] = '-';
		digits(b, 8, d.getDayOfMonth(), 2);
		b[10] = 'T';
		digits(b, 11, d.getHour(), 2);
		b[13] = ':';
		digits(b, 14, d.getMinute(), 2);
		b[16] = ':';
		digits(b, 17, d.getSecond(), 2);
		int n = 19;
		if (nano != 0) {
			b[n++] = '.';
			if (nano % 1_000_000 == 0) {
				n = digits(b, n, nano / 1_000_000, 3);
			}
			else if (nano % 1000 == 0) {
				n = digits(b, n, nano / 1000, 6);
			}
			else {
				n = digits(b, n, nano, 9);
			}
		}
		b[n++] = 'Z';
		return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static int digits(byte[] b, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			b[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		return at + width;
	}

	/** Jackson's serializer with {@link #format} for its default text form. */
	static final class Serializer extends InstantSerializer {

		Serializer() {
		}

		private Serializer(Serializer base, @Nullable DateTimeFormatter formatter, @Nullable Boolean useTimestamp,
				@Nullable Boolean useNanoseconds, JsonFormat.@Nullable Shape shape) {
			super(base, formatter, useTimestamp, useNanoseconds, shape);
		}

		// each property gets a copy made for its format (createContextual): keep this
		// class

		@Override
		protected Serializer withFormat(@Nullable DateTimeFormatter formatter, @Nullable Boolean useTimestamp,
				JsonFormat.@Nullable Shape shape) {
			return new Serializer(this, formatter, useTimestamp, this._useNanoseconds, shape);
		}

		@Override
		protected Serializer withFeatures(@Nullable Boolean writeZoneId, @Nullable Boolean writeNanoseconds) {
			return new Serializer(this, this._formatter, this._useTimestamp, writeNanoseconds, this._shape);
		}

		@Override
		protected String formatValue(Instant value, SerializationContext context) {
			return (this._formatter == null) ? format(value) : super.formatValue(value, context);
		}

	}

}
