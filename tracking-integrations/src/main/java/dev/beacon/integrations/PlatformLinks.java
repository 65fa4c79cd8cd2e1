package dev.beacon.integrations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which platform order and fulfillment became which Beacon order and shipment, and the
 * webhook deliveries already applied.
 */
@Component
public class PlatformLinks {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PlatformLinks(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a delivery; false when it was recorded before (a repeat). */
	public boolean firstDelivery(String platform, String deliveryId, UUID storeId) {
		return this.jdbc.update("""
				insert into platform_webhook_deliveries (platform, delivery_id, store_id, received_at)
				values (?, ?, ?, ?) on conflict do nothing""", platform, deliveryId, storeId,
				Timestamp.from(this.clock.instant())) == 1;
	}

	public Optional<UUID> order(UUID storeId, String platform, String externalId) {
		return this.jdbc
			.queryForList(
					"select order_id from platform_orders where store_id = ? and platform = ? and external_id = ?",
					UUID.class, storeId, platform, externalId)
			.stream()
			.findFirst();
	}

	public Optional<Instant> orderUpdatedAt(UUID storeId, String platform, String externalId) {
		return this.jdbc
			.queryForList(
					"select updated_at from platform_orders where store_id = ? and platform = ? and external_id = ?",
					Timestamp.class, storeId, platform, externalId)
			.stream()
			.filter((t) -> t != null)
			.map(Timestamp::toInstant)
			.findFirst();
	}

	void linkOrder(UUID storeId, String platform, String externalId, UUID orderId, @Nullable Instant updatedAt) {
		this.jdbc.update("""
				insert into platform_orders (store_id, platform, external_id, order_id, updated_at)
				values (?, ?, ?, ?, ?)
				on conflict (store_id, platform, external_id) do update set updated_at = excluded.updated_at""",
				storeId, platform, externalId, orderId, (updatedAt != null) ? Timestamp.from(updatedAt) : null);
	}

	void linkFulfillment(UUID storeId, String platform, String fulfillmentId, UUID shipmentId) {
		this.jdbc.update("""
				insert into platform_fulfillments (store_id, platform, fulfillment_id, shipment_id)
				values (?, ?, ?, ?) on conflict do nothing""", storeId, platform, fulfillmentId, shipmentId);
	}

	public List<UUID> shipmentsOfFulfillment(UUID storeId, String platform, String fulfillmentId) {
		return this.jdbc.queryForList("""
				select shipment_id from platform_fulfillments
				where store_id = ? and platform = ? and fulfillment_id = ?""", UUID.class, storeId, platform,
				fulfillmentId);
	}

	/** The platform fulfillment a shipment came from (for write-back), if any. */
	public Optional<String> fulfillmentOf(UUID shipmentId, String platform) {
		return this.jdbc
			.queryForList("select fulfillment_id from platform_fulfillments where shipment_id = ? and platform = ?",
					String.class, shipmentId, platform)
			.stream()
			.findFirst();
	}

	/** Beacon orders linked to the given platform orders. */
	public List<UUID> orders(UUID storeId, String platform, List<String> externalIds) {
		if (externalIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList(
				"select order_id from platform_orders where store_id = ? and platform = ? and external_id = any (?)",
				UUID.class, storeId, platform, externalIds.toArray(String[]::new));
	}

	/** Every Beacon order linked to this platform in the store. */
	public List<UUID> allOrders(UUID storeId, String platform) {
		return this.jdbc.queryForList("select order_id from platform_orders where store_id = ? and platform = ?",
				UUID.class, storeId, platform);
	}

}
