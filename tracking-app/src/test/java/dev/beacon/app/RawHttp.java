package dev.beacon.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client lets through: broken
 * percent-encoding in the request line, bytes that are not UTF-8, chunked bodies of a
 * chosen size.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	Response get(String target, String... headers) throws IOException {
		return send("GET", target, headers, null, false);
	}

	Response post(String target, byte[] body, boolean chunked, String... headers) throws IOException {
		return send("POST", target, headers, body, chunked);
	}

	Response request(String method, String target, byte[] body, String... headers) throws IOException {
		return send(method, target, headers, body, false);
	}

	private Response send(String method, String target, String[] headers, byte[] body, boolean chunked)
			throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			head.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
			head.append("Connection: close\r\n");
			for (String h : headers) {
				head.append(h).append("\r\n");
			}
			if (body != null) {
				head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
			}
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			try {
				if (body != null && chunked) {
					int chunk = 64 * 1024;
					for (int i = 0; i < body.length; i += chunk) {
						int n = Math.min(chunk, body.length - i);
						out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
						out.write(body, i, n);
						out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				else if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before the whole body is sent
			}
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		try {
			while ((n = in.read(buffer)) > 0) {
				all.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			if (all.size() == 0) {
				throw ex;
			}
		}
		String text = all.toString(StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).strip());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, body);
	}

	private static String unchunk(String body) {
		StringBuilder sb = new StringBuilder();
		int i = 0;
		while (i < body.length()) {
			int eol = body.indexOf("\r\n", i);
			if (eol < 0) {
				break;
			}
			int size = Integer.parseInt(body.substring(i, eol).split(";")[0].strip(), 16);
			if (size == 0) {
				break;
			}
			sb.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
			i = eol + 2 + size + 2;
		}
		return sb.toString();
	}

}
