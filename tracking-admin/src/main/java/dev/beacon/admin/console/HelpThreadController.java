package dev.beacon.admin.console;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.SupportManagement;

/**
 * An agent answers a shopper's help request from the order view: the reply is kept in the
 * request's thread and emailed to the shopper (Reply-To: the store's support address).
 * Agents and admins only (console security).
 */
@Controller
class HelpThreadController {

	private final ConsoleAccess access;

	private final OrderManagement orders;

	private final SupportManagement support;

	HelpThreadController(ConsoleAccess access, OrderManagement orders, SupportManagement support) {
		this.access = access;
		this.orders = orders;
		this.support = support;
	}

	@PostMapping("/console/orders/{orderId}/help/{helpId}/reply")
	String reply(@PathVariable UUID orderId, @PathVariable UUID helpId, @RequestParam(defaultValue = "") String text,
			RedirectAttributes flash) {
		Order order = this.access.storeIds()
			.stream()
			.map((store) -> this.orders.find(store, orderId).orElse(null))
			.filter((o) -> o != null)
			.findFirst()
			.orElseThrow(() -> new ConsoleNotFoundException("order"));
		HelpRequest request = this.support.forOrder(order.getStoreId(), order.getId())
			.stream()
			.filter((h) -> h.getId().equals(helpId))
			.findFirst()
			.orElseThrow(() -> new ConsoleNotFoundException("help request"));
		String clean = text.strip();
		if (clean.isEmpty() || clean.length() > 4000) {
			flash.addFlashAttribute("error", "A reply is 1 to 4000 characters.");
		}
		else {
			this.support.reply(order.getStoreId(), request.getId(), this.access.principal().displayName(), clean);
			flash.addFlashAttribute("flash", "Reply sent to the shopper by email.");
		}
		return "redirect:/console/orders/" + orderId;
	}

}
