package dev.beacon.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;
import dev.beacon.web.page.PageModels.Step;
import dev.beacon.web.page.PageModels.Summary;

/**
 * The five-step progress line of a shipment (ordered, shipped, in transit, out for
 * delivery, delivered); side states (returning, expired ...) stay on the step they left
 * the main line from, labelled with the shipment's headline.
 */
@Component
class Timeline {

	static final String[] STEPS = { "ordered", "shipped", "transit", "out", "delivered" };

	private final MessageSource messages;

	Timeline(MessageSource messages) {
		this.messages = messages;
	}

	/** The main-line step of a milestone; -1 for side states. */
	static int stepOf(Milestone m) {
		return switch (m) {
			case ORDERED -> 0;
			case LABEL_CREATED, PICKED_UP -> 1;
			case IN_TRANSIT -> 2;
			case OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP -> 3;
			case DELIVERED -> 4;
			default -> -1;
		};
	}

	List<Step> steps(ShipmentView s, Summary summary, Locale locale) {
		Milestone m = s.milestone();
		int current = stepOf(m);
		if (current < 0) {
			// side state: the step it reached before leaving the main line
			current = 1;
			for (ScanView e : s.events()) {
				if (e.milestone() != null) {
					current = Math.max(current, Math.min(3, stepOf(e.milestone())));
				}
			}
		}
		boolean delivered = m == Milestone.DELIVERED;
		String currentState = switch (summary.tone()) {
			case BAD -> "problem";
			case WARN -> "warn";
			default -> "current";
		};
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < STEPS.length; i++) {
			String label = msg(locale, "timeline.step." + STEPS[i]);
			String state;
			if (i < current || (delivered && i == current)) {
				state = "done";
			}
			else if (i == current) {
				state = currentState;
				if (m != Milestone.OUT_FOR_DELIVERY && m != Milestone.IN_TRANSIT && m != Milestone.ORDERED
						&& m != Milestone.PICKED_UP) {
					label = msg(locale, "status." + m.name());
				}
				if (!"current".equals(state)) {
					label = summary.headline();
				}
			}
			else {
				state = "todo";
			}
			steps.add(new Step(label, state, msg(locale, "timeline.state." + state), i == current));
		}
		return steps;
	}

	private String msg(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}

}
