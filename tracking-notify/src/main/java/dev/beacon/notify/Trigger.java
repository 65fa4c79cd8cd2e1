package dev.beacon.notify;

import java.util.Locale;

/**
 * The news a shopper can be told about. Essential news is transactional (it cannot be
 * unsubscribed from, only switched off by the store or the shopper's channel choice); the
 * rest is optional and carries a one-click unsubscribe. Priority decides which of two
 * pending messages of one shipment survives coalescing when the newer one matters less.
 */
public enum Trigger {

	ORDER_CONFIRMED(true, 10, false), SHIPPED(true, 20, false), IN_TRANSIT_UPDATE(false, 15, false),
	ARRIVING_TOMORROW(false, 25, false), OUT_FOR_DELIVERY(true, 30, true), DELIVERED(true, 50, true),
	DELIVERY_ATTEMPTED(true, 45, true), AVAILABLE_FOR_PICKUP(true, 45, true), DELAYED(true, 35, true),
	EXCEPTION(true, 60, true), STALLED(true, 40, false), HELP_RECEIVED(true, 10, false),
	/** The store cancelled the order; off unless a store switches it on. */
	ORDER_CANCELLED(true, 70, false),
	/**
	 * A shopper's help request, forwarded to the store's support address (not to the
	 * shopper).
	 */
	HELP_FORWARDED(true, 10, false),
	/** An agent's reply to a shopper's help request. */
	HELP_REPLIED(true, 10, false);

	private final boolean essential;

	private final int priority;

	private final boolean smsByDefault;

	Trigger(boolean essential, int priority, boolean smsByDefault) {
		this.essential = essential;
		this.priority = priority;
		this.smsByDefault = smsByDefault;
	}

	public boolean isEssential() {
		return this.essential;
	}

	public int priority() {
		return this.priority;
	}

	public boolean smsByDefault() {
		return this.smsByDefault;
	}

	/** Whether this news concerns one shipment (and so coalesces per shipment). */
	public boolean isShipmentLevel() {
		return this != ORDER_CONFIRMED && this != HELP_RECEIVED && this != ORDER_CANCELLED && this != HELP_FORWARDED
				&& this != HELP_REPLIED;
	}

	/** Whether a store that never changed its settings sends this news (by email). */
	public boolean onByDefault() {
		return this != ORDER_CANCELLED;
	}

	/**
	 * Whether a store chooses its channels (notification settings); mail to the store's
	 * own staff and replies to a shopper's question are conversations, not notifications.
	 */
	public boolean isConfigurable() {
		return this != HELP_FORWARDED && this != HELP_REPLIED;
	}

	/** Whether the message goes to the store's staff rather than to the shopper. */
	public boolean isStaffFacing() {
		return this == HELP_FORWARDED;
	}

	/** The prefix of this trigger's keys in the message bundles. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses "out_for_delivery", "OUT_FOR_DELIVERY" or "out-for-delivery". */
	public static Trigger parse(String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new NotificationException("trigger", "unknown trigger '" + value + "'");
		}
	}

}
