package dev.beacon.carriers.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.status.Milestone;

/**
 * Base of the real carriers: one conversation per number through the carrier's
 * {@link CarrierGateway}; a failed conversation becomes a failed update for that number.
 */
public abstract class HttpCarrierAdapter implements CarrierAdapter {

	protected final CarrierSettings settings;

	protected final CarrierGateway gateway;

	protected HttpCarrierAdapter(CarrierSettings settings, CarrierGateway gateway) {
		this.settings = settings;
		this.gateway = gateway;
	}

	@Override
	public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
		Map<UUID, CarrierUpdate> out = new LinkedHashMap<>();
		for (PollTask task : tasks) {
			try {
				out.put(task.shipmentId(), this.gateway.call(() -> trackOne(task)));
			}
			catch (CarrierCallException ex) {
				out.put(task.shipmentId(), failed(ex));
			}
		}
		return out;
	}

	/**
	 * This carrier with a store's own credentials ({@code account}: only the credential
	 * fields are read): the same host, timeouts and quota, its own budgets
	 * ({@code budget} and {@code budget-daily}), token cache and circuit breaker.
	 */
	public final HttpCarrierAdapter forAccount(String budget, CarrierSettings account,
			@Nullable SharedBudgets budgets) {
		HttpCarrierAdapter copy = withSettings(
				this.settings.withCredentials(account.clientId(), account.clientSecret(), account.apiKey()));
		copy.gateway.budget(budget);
		if (budgets != null) {
			copy.share(budgets);
		}
		return copy;
	}

	/** A new adapter of this carrier with these settings. */
	protected abstract HttpCarrierAdapter withSettings(CarrierSettings settings);

	/**
	 * "Test connection": one real conversation with the carrier's configured host (the
	 * token, where it has one, and a probe number). A number the carrier does not know
	 * means the credentials were accepted: OK; otherwise the failure's outcome.
	 */
	public PollOutcome testConnection(UUID storeId) {
		PollTask probe = new PollTask(UUID.randomUUID(), storeId, code(), PROBE_NUMBER, null, null,
				this.gateway.clock().instant(), Milestone.LABEL_CREATED, null, null);
		CarrierUpdate update = track(List.of(probe)).get(probe.shipmentId());
		if (update == null) {
			return PollOutcome.MALFORMED;
		}
		return (update.outcome() == PollOutcome.NOT_FOUND) ? PollOutcome.OK : update.outcome();
	}

	/** The number "test connection" asks about; no carrier issues it. */
	static final String PROBE_NUMBER = "BEACONTEST0000000001";

	/** One conversation about one number; throws {@link CarrierCallException}. */
	protected abstract CarrierUpdate trackOne(PollTask task);

	/** A failed update; a 429's Retry-After travels typed, for the poller to honour. */
	protected static CarrierUpdate failed(CarrierCallException ex) {
		return CarrierUpdate.failed(ex.outcome(), detail(ex),
				(ex.outcome() == PollOutcome.RATE_LIMITED) ? ex.retryAfter() : null);
	}

	/** The failure as operators read it ("... (retry after 3600s)"). */
	protected static String detail(CarrierCallException ex) {
		String m = String.valueOf(ex.getMessage());
		if (ex.outcome() == PollOutcome.RATE_LIMITED && ex.retryAfter() != null) {
			m = m + " (retry after " + ex.retryAfter().toSeconds() + "s)";
		}
		return (m.length() > 480) ? m.substring(0, 480) : m;
	}

	/** Counts this carrier's calls in budgets shared by every instance. */
	public void share(SharedBudgets budgets) {
		this.gateway.share(budgets);
	}

	@Override
	public @Nullable String circuitState() {
		return this.gateway.circuitState();
	}

	@Override
	public @Nullable String lastError() {
		return this.gateway.lastError();
	}

	@Override
	public @Nullable Instant lastErrorAt() {
		return this.gateway.lastErrorAt();
	}

}
