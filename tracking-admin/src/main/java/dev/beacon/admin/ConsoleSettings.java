package dev.beacon.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console settings ({@code beacon.console.*}).
 *
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockout how long a locked account stays locked
 * @param loginAttemptsPerIp sign-in attempts one client address (an IPv6 client: its /64)
 * may make per {@code loginThrottleWindow}, whatever the usernames
 * @param loginThrottleWindow the window of {@code loginAttemptsPerIp}
 */
@ConfigurationProperties("beacon.console")
record ConsoleSettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@DefaultValue("30") int loginAttemptsPerIp, @DefaultValue("5m") Duration loginThrottleWindow) {
}
