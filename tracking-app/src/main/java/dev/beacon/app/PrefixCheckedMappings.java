package dev.beacon.app;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The application's {@code @RequestMapping} lookup with a cheap pre-check. Spring MVC
 * finds a handler for a path with a variable ({@code /api/v1/orders/{orderNumber}}) by
 * asking every mapping of the application in turn (method, then headers, media types and
 * path): about a hundred per request here, some 15% of a status API call's CPU
 * (docs/performance.md, issue 13). A mapping whose every path pattern starts with a
 * literal part the request path does not start with cannot match, so it is skipped before
 * those checks; every other mapping is asked exactly as before, so the handler found, its
 * ordering among several matches and the 404/405/406/415 answers are the same. The
 * pre-check is left out (all mappings asked) for a path holding {@code %} or {@code ;}
 * (patterns match decoded segments without path parameters) and when patterns are not
 * case-sensitive.
 * <p>
 * It is also asked before the actuator's endpoint mappings (order -100, which Spring Boot
 * puts first): a status API call found its handler here only after the actuator's mapping
 * had tried each of its endpoints on the path (4.7% of the call's CPU). The actuator
 * keeps its port and paths: no application mapping matches a path under
 * {@code /actuator}, so those requests find no handler here and go on to the actuator as
 * before ({@code PrefixCheckedMappingsIntegrationTests}). With
 * {@code management.server.port} set the actuator has a dispatcher of its own and this
 * order does not matter.
 */
final class PrefixCheckedMappings extends RequestMappingHandlerMapping {

	/** Before the actuator's endpoint mappings (-100). */
	static final int ORDER = -200;

	private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

	/**
	 * The literal start of each pattern of a mapping (up to its first variable or
	 * wildcard), by the mapping's identity: asked for each of ~100 mappings a request,
	 * where a {@code ConcurrentHashMap} keyed by the mappings' own hash walked crowded
	 * (even treeified) bins, 2% of a status API call's samples. Copied on each (startup)
	 * registration, read without a lock.
	 */
	private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

	@Override
	public void afterPropertiesSet() {
		super.afterPropertiesSet();
		// WebMvcConfigurationSupport sets 0 after creating the mapping
		setOrder(ORDER);
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		remember(mapping);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		remember(mapping);
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		change((copy) -> copy.remove(mapping));
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		PathPatternParser parser = getPatternParser();
		boolean checkable = parser != null && parser.isCaseSensitive() && lookupPath.indexOf('%') < 0
				&& lookupPath.indexOf(';') < 0;
		String previous = LOOKUP_PATH.get();
		LOOKUP_PATH.set(checkable ? lookupPath : null);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP_PATH.set(previous);
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = LOOKUP_PATH.get();
		if (path != null && !couldMatch(info, path)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	/**
	 * False only when no pattern of the mapping can match this (undecoded, plain) path.
	 */
	boolean couldMatch(RequestMappingInfo info, String path) {
		String[] starts = this.prefixes.get(info);
		if (starts == null) {
			return true;
		}
		for (String start : starts) {
			if (path.startsWith(start)) {
				return true;
			}
		}
		return false;
	}

	private void remember(RequestMappingInfo mapping) {
		PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
		if (condition == null) {
			return; // AntPathMatcher patterns: always asked
		}
		String[] starts = condition.getPatterns()
			.stream()
			.map(PathPattern::getPatternString)
			.map(PrefixCheckedMappings::literalStart)
			.toArray(String[]::new);
		change((copy) -> copy.put(mapping, starts));
	}

	private synchronized void change(Consumer<Map<RequestMappingInfo, String[]>> change) {
		Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(this.prefixes);
		change.accept(copy);
		this.prefixes = copy;
	}

	/** The pattern up to its first variable or wildcard. */
	static String literalStart(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

}
