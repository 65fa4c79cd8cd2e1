package dev.beacon.shipment;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * What a raw scan means: milestone (null for a scan that does not move progress), health,
 * reason, whether the shopper or store must act, and the id of the rule that decided it.
 */
public record Normalization(@Nullable Milestone milestone, Health health, @Nullable Reason reason,
		boolean actionRequired, String ruleId) {
}
