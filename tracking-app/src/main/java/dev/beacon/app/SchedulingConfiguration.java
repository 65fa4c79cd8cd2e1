package dev.beacon.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Beacon's {@code @Scheduled} background jobs run in the server; the command-line tools
 * switch them off ({@code beacon.scheduling.enabled=false}, set by {@link CommandMode}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "beacon.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

}
