package dev.beacon.order;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * The changes {@link OrderManagement} makes to an order once it is placed: contact,
 * destination, promised date, SMS consent, cancellation and personal-data erasure, with
 * the events they publish ({@link OrderCancelled}, {@link OrderStatusChanged},
 * {@link SmsConsentRecorded}). Runs inside {@link OrderManagement}'s transactions.
 */
@Component
class OrderChanges {

	private final Orders orders;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PersonalDataErasure> erasures;

	private final StoreManagement stores;

	private final Clock clock;

	OrderChanges(Orders orders, ApplicationEventPublisher events, ObjectProvider<PersonalDataErasure> erasures,
			StoreManagement stores, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.erasures = erasures;
		this.stores = stores;
		this.clock = clock;
	}

	/** See {@link OrderManagement#update}. */
	Order update(Order order, UpdateOrder change) {
		Instant now = this.clock.instant();
		UpdateOrder.ContactChange c = change.customer();
		if (c != null) {
			Customer before = order.getCustomer();
			Customer after = new Customer(pick(c.name(), before.name()), pick(c.email(), before.email()),
					pick(c.phone(), before.phone()), pick(c.locale(), before.locale()));
			if (!after.equals(before)) {
				order.contact(after, now);
			}
			boolean phoneChanged = !Objects.equals(after.phone(), before.phone());
			if (c.smsConsent() != null) {
				order.consent(c.smsConsent(), change.source(), now);
			}
			if (c.smsConsent() != null || (phoneChanged && order.getSmsConsent() != null)) {
				publishConsent(order);
			}
		}
		if (change.destination() != null) {
			Address d = change.destination();
			Address before = order.getDestination();
			order.destination(new Address(pick(d.postalCode(), before.postalCode()), pick(d.city(), before.city()),
					pick(d.region(), before.region()), pick(d.country(), before.country())), now);
		}
		if (change.promisedBy() != null) {
			order.promisedBy(change.promisedBy(), now);
		}
		if (change.cancel()) {
			cancel(order, change.source(), now);
		}
		return order;
	}

	/** Cancels the order unless it already is; see {@link OrderManagement#cancel}. */
	Order cancel(Order order, String source) {
		cancel(order, source, this.clock.instant());
		return order;
	}

	private void cancel(Order order, String source, Instant now) {
		if (order.isCancelled()) {
			return;
		}
		OrderStatus before = order.getStatus();
		order.cancel(source, now);
		this.orders.flush();
		this.events
			.publishEvent(new OrderCancelled(order.getStoreId(), order.getId(), order.getOrderNumber(), source, now));
		if (before != OrderStatus.CANCELLED) {
			this.events.publishEvent(statusChanged(order, before));
		}
	}

	/** See {@link OrderManagement#erasePersonalData(java.util.UUID, String)}. */
	void erase(Order order) {
		Customer c = order.getCustomer();
		Instant now = this.clock.instant();
		ErasedShopper shopper = new ErasedShopper(order.getStoreId(), order.getId(), order.getOrderNumber(), c.name(),
				c.email(), c.phone(), now);
		order.erasePersonalData(now);
		this.orders.flush();
		this.erasures.orderedStream().forEach((e) -> e.erase(shopper));
	}

	/** Publishes {@link SmsConsentRecorded} when the order has a consent and a phone. */
	void publishConsent(Order order) {
		SmsConsent consent = order.getSmsConsent();
		String phone = order.getCustomer().phone();
		if (consent != null && phone != null) {
			this.events.publishEvent(new SmsConsentRecorded(order.getStoreId(), order.getId(), phone,
					consent.consented(), consent.source(), consent.at()));
		}
	}

	OrderStatusChanged statusChanged(Order order, OrderStatus before) {
		// a slug never changes: a recent copy of the store is exact
		String slug = this.stores.recentById(order.getStoreId()).map(Store::getSlug).orElseThrow();
		return new OrderStatusChanged(order.getStoreId(), order.getId(), before, order.getStatus(), order.getHealth(),
				slug, order.getOrderNumber());
	}

	/** A change's value: null keeps the current one, blank clears it. */
	private static @Nullable String pick(@Nullable String change, @Nullable String current) {
		if (change == null) {
			return current;
		}
		return change.isBlank() ? null : change.strip();
	}

}
