package dev.beacon.promise;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.beacon.common.BackgroundLoops;

/**
 * The promise engine's periodic refresh ({@link PromiseEngine#refreshFromDatabase}) as a
 * loop of core's {@link BackgroundLoops}, named {@value #NAME}: a thread of its own, any
 * {@link Throwable} survived, its last successful run reported (metric and health). Runs
 * every {@code beacon.promise.refresh-interval} (one minute).
 */
@Component
class PromiseRefreshLoop {

	static final String NAME = "promise-refresh";

	PromiseRefreshLoop(BackgroundLoops loops, PromiseEngine engine,
			@Value("${beacon.promise.refresh-interval:PT1M}") Duration interval) {
		loops.register(NAME, interval, engine::refreshFromDatabase);
	}

}
