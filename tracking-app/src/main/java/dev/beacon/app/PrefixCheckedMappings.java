package dev.beacon.app;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 */
final class PrefixCheckedMappings extends RequestMappingHandlerMapping {

	private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

	/**
	 * The literal start of each pattern of a mapping (up to its first variable or
	 * wildcard).
	 */
	private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

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
		this.prefixes.remove(mapping);
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
		this.prefixes.put(mapping,
				condition.getPatterns()
					.stream()
					.map(PathPattern::getPatternString)
					.map(PrefixCheckedMappings::literalStart)
					.toArray(String[]::new));
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
