package dev.beacon.carriers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.beacon.carriers.http.CarrierAdapter;

/**
 * The carriers module's API for other modules (the console): which carriers are
 * configured and how their connections are doing.
 */
@Service
public class CarrierManagement {

	private final Map<String, CarrierAdapter> adapters;

	CarrierManagement(List<CarrierAdapter> adapters) {
		this.adapters = adapters.stream().collect(Collectors.toMap(CarrierAdapter::code, Function.identity()));
	}

	/** One line per carrier Beacon knows, in a stable order. */
	public List<CarrierStatus> status() {
		List<CarrierStatus> out = new ArrayList<>();
		for (var e : CarrierNames.DISPLAY.entrySet()) {
			CarrierAdapter a = this.adapters.get(e.getKey());
			if (a == null) {
				out.add(new CarrierStatus(e.getKey(), e.getValue(), false, null, null, null, "no adapter installed"));
				continue;
			}
			String note = a.configured() ? "polled" : "not polled: set " + credentialsHint(e.getKey());
			out.add(new CarrierStatus(e.getKey(), e.getValue(), a.configured(), a.circuitState(), a.lastError(),
					a.lastErrorAt(), note));
		}
		return out;
	}

	static String credentialsHint(String carrier) {
		return "dhl".equals(carrier) ? "beacon.carriers.dhl.api-key"
				: "beacon.carriers." + carrier + ".client-id and beacon.carriers." + carrier + ".client-secret";
	}

}
