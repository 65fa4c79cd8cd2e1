package dev.beacon.carriers.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;

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
