package dev.beacon.order;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A line of an order. */
@Embeddable
public record OrderItem(@Nullable String sku, String name, int quantity) {
}
