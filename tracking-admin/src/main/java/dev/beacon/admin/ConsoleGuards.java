package dev.beacon.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.beacon.common.WindowCounters;

/** The console's per-request guards, added to its filter chain. */
final class ConsoleGuards {

	private ConsoleGuards() {
	}

	/**
	 * Ends a session at its next request once its user is disabled, removed or given
	 * another role: {@code enabled} and the role are read fresh on every request, not
	 * only at sign-in.
	 */
	static final class LiveUserCheck extends OncePerRequestFilter {

		private final ConsoleUserManagement users;

		LiveUserCheck(ConsoleUserManagement users) {
			this.users = users;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof ConsolePrincipal p) {
				Optional<ConsoleUser> user = this.users.byId(p.id());
				if (user.isEmpty() || !user.get().enabled() || user.get().role() != p.role()) {
					HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					SecurityContextHolder.clearContext();
					response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN);
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * A per-client throttle on sign-in attempts (whatever the username), so passwords
	 * cannot be sprayed across many accounts. Attempts are counted in PostgreSQL (core's
	 * {@link WindowCounters}: shared by every instance, atomic, never evicted) before the
	 * password is checked, and a successful sign-in takes its count back
	 * ({@link #succeeded}), so only failures add up: {@code loginAttemptsPerIp} per
	 * {@code loginThrottleWindow} and client, counted across all instances. A throttled
	 * attempt is not checked at all and is answered {@code ?throttled}. A client this
	 * instance has seen throttled is refused locally until its window ends, without
	 * asking the database again.
	 */
	static final class LoginThrottle extends OncePerRequestFilter {

		private static final int MAX_LOCAL = 10_000;

		private static final String KEY = "console-login|";

		private final ConsoleSettings settings;

		private final WindowCounters counters;

		private final Clock clock;

		/**
		 * Clients known to be throttled, until when (a cache of the database's answer).
		 */
		private final Map<String, Instant> throttled = Collections
			.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
					return size() > MAX_LOCAL;
				}
			});

		LoginThrottle(ConsoleSettings settings, WindowCounters counters, Clock clock) {
			this.settings = settings;
			this.counters = counters;
			this.clock = clock;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod())
					|| !ConsoleSecurityConfiguration.LOGIN.equals(request.getRequestURI()
						.substring(Math.min(request.getContextPath().length(), request.getRequestURI().length())));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!admit(client(request.getRemoteAddr()))) {
				response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN + "?throttled");
				return;
			}
			chain.doFilter(request, response);
		}

		/** Counts a sign-in attempt of {@code client}; false when it is throttled. */
		boolean admit(String client) {
			Instant now = this.clock.instant();
			Instant until = this.throttled.get(client);
			if (until != null) {
				if (now.isBefore(until)) {
					return false;
				}
				this.throttled.remove(client);
			}
			WindowCounters.Count count = this.counters.add(KEY + client, this.settings.loginThrottleWindow());
			if (count.count() > this.settings.loginAttemptsPerIp()) {
				this.throttled.put(client, now.plusSeconds(count.secondsLeft()));
				return false;
			}
			return true;
		}

		/** A sign-in from this request succeeded: its attempt does not count. */
		void succeeded(HttpServletRequest request) {
			this.counters.subtract(KEY + client(request.getRemoteAddr()));
		}

		/** The client's key: its IPv4 address, or the /64 of its IPv6 address. */
		static String client(String address) {
			try {
				byte[] bytes = InetAddress.getByName(address).getAddress();
				if (bytes.length == 16) {
					byte[] prefix = new byte[16];
					System.arraycopy(bytes, 0, prefix, 0, 8);
					return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
				}
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			catch (UnknownHostException ex) {
				return address;
			}
		}

	}

}
