package dev.beacon.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

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
	 * cannot be sprayed across many accounts. A throttled attempt is not checked at all
	 * and is answered {@code ?throttled}. Buckets live in memory, per instance, in a
	 * bounded map.
	 */
	static final class LoginThrottle extends OncePerRequestFilter {

		private static final int MAX_KEYS = 50_000;

		private final ConsoleSettings settings;

		private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > MAX_KEYS;
			}
		});

		LoginThrottle(ConsoleSettings settings) {
			this.settings = settings;
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
			Bucket bucket = this.buckets.computeIfAbsent(client(request.getRemoteAddr()),
					(k) -> Bucket.builder()
						.addLimit((l) -> l.capacity(this.settings.loginAttemptsPerIp())
							.refillIntervally(this.settings.loginAttemptsPerIp(), this.settings.loginThrottleWindow()))
						.build());
			if (!bucket.tryConsume(1)) {
				response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN + "?throttled");
				return;
			}
			chain.doFilter(request, response);
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
