package dev.beacon.app;

import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the server port when {@code management.server.port} moves
 * the actuator (metrics, API docs) to a port of its own: load balancers and probes keep
 * the path they know. It answers the overall status only ({@code {"status":"UP"}}, 503
 * when down), without authentication and without any component's details.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ServerPortHealth {

	private final HealthEndpoint health;

	ServerPortHealth(HealthEndpoint health) {
		this.health = health;
	}

	@GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> health() {
		Status status = this.health.health().getStatus();
		boolean up = Status.UP.equals(status) || Status.UNKNOWN.equals(status);
		return ResponseEntity.status(up ? 200 : 503).body(Map.of("status", status.getCode()));
	}

}
