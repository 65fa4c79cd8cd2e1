package dev.beacon.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.beacon.common.QueryStrings;

/**
 * The first filter of every request, before security and before any module looks at the
 * request: bodies above the limit on {@code /webhooks/**} and under {@code /api/**}
 * (except the import endpoints, which keep their own limit) are refused with 413, whether
 * announced by Content-Length or sent chunked (at most limit + 1 bytes are ever read
 * here); a query string with broken percent-encoding or bytes that are not UTF-8 is a 400
 * (the tracking page answers those with its own branded page, so for {@code /t/**} its
 * parameters are only made to read as absent).
 */
class RequestGuard extends OncePerRequestFilter {

	private final long maxBody;

	RequestGuard(long maxBody) {
		this.maxBody = maxBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!QueryStrings.decodable(request.getQueryString())) {
			if (path.startsWith("/t/")) {
				// the tracking page answers its own branded 400; nothing before it may
				// fail
				chain.doFilter(new UndecodableQuery(request), response);
				return;
			}
			problem(response, HttpStatus.BAD_REQUEST, "Invalid request",
					"the query string is not valid percent-encoded UTF-8");
			return;
		}
		if (!limited(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBody) {
			tooLarge(response);
			return;
		}
		if (bodiless(request)) {
			// nothing to bound or buffer (every GET of the API): the request goes on
			// unwrapped
			chain.doFilter(request, response);
			return;
		}
		if (isForm(request.getContentType())) {
			// form bodies are read by the container
			// (server.tomcat.max-http-form-post-size)
			chain.doFilter(request, response);
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), this.maxBody + 1);
		if (body.length > this.maxBody) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private static boolean limited(String path) {
		return path.startsWith("/webhooks/") || (path.startsWith("/api/") && !path.startsWith("/api/v1/imports"));
	}

	/**
	 * A request that carries no body: a zero Content-Length, or an HTTP/1.x request with
	 * neither Content-Length nor Transfer-Encoding.
	 */
	static boolean bodiless(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null
				&& request.getProtocol().startsWith("HTTP/1."));
	}

	private static boolean isForm(@Nullable String contentType) {
		return contentType != null && (contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
				|| contentType.regionMatches(true, 0, "multipart/", 0, 10));
	}

	private static byte[] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		while (out.size() < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) > 0) {
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		problem(response, HttpStatus.CONTENT_TOO_LARGE, "Body too large",
				"the request body is larger than " + this.maxBody + " bytes");
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}

	/**
	 * A request whose query the container cannot decode: its parameters read as absent
	 * instead of failing in whichever filter asks first (the raw query string stays).
	 */
	static final class UndecodableQuery extends HttpServletRequestWrapper {

		UndecodableQuery(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getParameter(String name) {
			try {
				return super.getParameter(name);
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}

		@Override
		public java.util.Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (IllegalStateException ex) {
				return java.util.Map.of();
			}
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}

	}

	/** The request with its body already read (and bounded). */
	static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
