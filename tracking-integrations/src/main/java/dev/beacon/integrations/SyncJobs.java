package dev.beacon.integrations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs connection work (webhook subscription, backfill) off the request thread, on two
 * threads of the module's own.
 */
@Component
public class SyncJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SyncJobs.class);

	private final AtomicInteger counter = new AtomicInteger();

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (r) -> {
		Thread t = new Thread(r, "beacon-platform-sync-" + this.counter.incrementAndGet());
		t.setDaemon(true);
		return t;
	});

	public void submit(String what, Runnable job) {
		this.executor.submit(() -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				log.warn("Platform sync '{}' failed: {}", what, ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
