package dev.beacon.carriers.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * An OAuth client-credentials token, cached until shortly before it expires and fetched
 * again when the carrier refuses it (expired or revoked early).
 */
public final class OAuthTokens {

	/** A token as the carrier issued it. */
	public record Token(String value, Duration lifetime) {
	}

	private static final Duration MARGIN = Duration.ofSeconds(60);

	private final Supplier<Token> fetcher;

	private final Clock clock;

	private @Nullable String value;

	private Instant expiresAt = Instant.EPOCH;

	private int fetches;

	public OAuthTokens(Supplier<Token> fetcher, Clock clock) {
		this.fetcher = fetcher;
		this.clock = clock;
	}

	/** The cached token, or a fresh one when none is cached or it is about to expire. */
	public synchronized String get() {
		Instant now = this.clock.instant();
		if (this.value == null || !now.plus(MARGIN).isBefore(this.expiresAt)) {
			Token token = this.fetcher.get();
			this.fetches++;
			this.value = token.value();
			this.expiresAt = now.plus(token.lifetime());
		}
		return this.value;
	}

	/** Forgets a token the carrier refused so the next {@link #get()} fetches anew. */
	public synchronized void invalidate(String refused) {
		if (refused.equals(this.value)) {
			this.value = null;
		}
	}

	public synchronized int fetches() {
		return this.fetches;
	}

}
