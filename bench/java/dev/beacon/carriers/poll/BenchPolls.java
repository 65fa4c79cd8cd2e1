package dev.beacon.carriers.poll;

import java.time.Duration;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Bench only (bench/java, never on the application's classpath): the application's own
 * {@link PollQueue} claim, as {@link CarrierPoller} issues it, without polling a carrier.
 */
public final class BenchPolls {

	private final PollQueue queue;

	public BenchPolls(ApplicationContext context) {
		this.queue = new PollQueue(context.getBean(NamedParameterJdbcTemplate.class));
	}

	/** One claim of at most {@code batch} due shipments; answers how many were claimed. */
	public int claim(int batch) {
		return this.queue.claimDue(List.of("ups", "fedex", "usps", "dhl", "sandbox"), batch, Duration.ofMinutes(2))
			.size();
	}

}
