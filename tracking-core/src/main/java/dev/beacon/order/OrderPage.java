package dev.beacon.order;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of orders, newest first, with the opaque cursor of the next page. */
public record OrderPage(List<Order> items, @Nullable String nextCursor) {
}
