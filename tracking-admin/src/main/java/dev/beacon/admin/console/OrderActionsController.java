package dev.beacon.admin.console;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsolePage;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentException;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.support.SupportManagement;

/**
 * The order view's actions: refresh a shipment, correct its carrier, add a note,
 * escalate, record a claim, close a note, resolve a help request, resend a message. Each
 * redirects back to the order view.
 */
@Controller
class OrderActionsController implements ConsolePage {

	private final ConsoleAccess access;

	private final ConsoleOrders lookup;

	private final ShipmentManagement shipments;

	private final SupportManagement support;

	private final OrderNotes notes;

	private final MessageRows messages;

	OrderActionsController(ConsoleAccess access, ConsoleOrders lookup, ShipmentManagement shipments,
			SupportManagement support, OrderNotes notes, MessageRows messages) {
		this.access = access;
		this.lookup = lookup;
		this.shipments = shipments;
		this.support = support;
		this.notes = notes;
		this.messages = messages;
	}

	@PostMapping("/console/orders/{orderId}/shipments/{shipmentId}/refresh")
	String refresh(@PathVariable UUID orderId, @PathVariable UUID shipmentId, RedirectAttributes flash) {
		Order order = this.lookup.requireOrder(orderId);
		this.lookup.requireShipment(order, shipmentId);
		try {
			this.shipments.refresh(order.getStoreId(), shipmentId);
			flash.addFlashAttribute("flash", "Asked the carrier for news.");
		}
		catch (dev.beacon.shipment.RefreshLimitedException ex) {
			flash.addFlashAttribute("error",
					"Not refreshed: " + ex.getMessage() + "; try again in " + ex.retryAfterSeconds() + " s.");
		}
		return ConsoleOrders.redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/shipments/{shipmentId}/carrier")
	String correctCarrier(@PathVariable UUID orderId, @PathVariable UUID shipmentId, @RequestParam String carrier,
			RedirectAttributes flash) {
		Order order = this.lookup.requireOrder(orderId);
		this.lookup.requireShipment(order, shipmentId);
		try {
			this.shipments.correctCarrier(order.getStoreId(), shipmentId, carrier);
			flash.addFlashAttribute("flash", "Carrier set to " + carrier + ".");
		}
		catch (ShipmentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return ConsoleOrders.redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/notes")
	String note(@PathVariable UUID orderId, @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
		return addNote(orderId, OrderNotes.Kind.NOTE, body, "Note added.", flash);
	}

	@PostMapping("/console/orders/{orderId}/escalate")
	String escalate(@PathVariable UUID orderId, @RequestParam(defaultValue = "") String body,
			RedirectAttributes flash) {
		return addNote(orderId, OrderNotes.Kind.ESCALATION, body, "Escalated.", flash);
	}

	@PostMapping("/console/orders/{orderId}/claim")
	String claim(@PathVariable UUID orderId, @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
		return addNote(orderId, OrderNotes.Kind.CLAIM, body.isBlank() ? "Shopper says it was not received" : body,
				"Delivered-but-not-received claim recorded.", flash);
	}

	@PostMapping("/console/orders/{orderId}/notes/{noteId}/resolve")
	String resolveNote(@PathVariable UUID orderId, @PathVariable UUID noteId, RedirectAttributes flash) {
		Order order = this.lookup.requireOrder(orderId);
		this.notes.resolve(order.getStoreId(), orderId, noteId);
		flash.addFlashAttribute("flash", "Closed.");
		return ConsoleOrders.redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/help/{helpId}/resolve")
	String resolveHelp(@PathVariable UUID orderId, @PathVariable UUID helpId,
			@RequestParam(defaultValue = "Answered by support") String resolution, RedirectAttributes flash) {
		Order order = this.lookup.requireOrder(orderId);
		try {
			this.support.resolve(order.getStoreId(), helpId,
					resolution.isBlank() ? "Answered by support" : resolution.strip());
		}
		catch (dev.beacon.support.ResolutionTooLong ex) {
			flash.addFlashAttribute("error",
					"The resolution is too long: at most " + ex.maxLength() + " characters. Nothing was changed.");
			return ConsoleOrders.redirect(orderId);
		}
		flash.addFlashAttribute("flash", "Help request resolved.");
		return ConsoleOrders.redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/messages/{messageId}/resend")
	String resend(@PathVariable UUID orderId, @PathVariable UUID messageId, RedirectAttributes flash) {
		Order order = this.lookup.requireOrder(orderId);
		boolean ok = this.messages.resend(order.getStoreId(), orderId, messageId);
		flash.addFlashAttribute(ok ? "flash" : "error",
				ok ? "Message queued again." : "This message cannot be resent.");
		return ConsoleOrders.redirect(orderId);
	}

	private String addNote(UUID orderId, OrderNotes.Kind kind, String body, String done, RedirectAttributes flash) {
		Order order = this.lookup.requireOrder(orderId);
		ConsolePrincipal me = this.access.principal();
		try {
			this.notes.add(order.getStoreId(), orderId, kind, me.getUsername(), body);
			flash.addFlashAttribute("flash", done);
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return ConsoleOrders.redirect(orderId);
	}

}
