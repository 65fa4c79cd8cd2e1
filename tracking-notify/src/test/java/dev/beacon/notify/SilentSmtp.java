package dev.beacon.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server that takes every message whole but never answers the final "." (as if its
 * "250" were lost, or it answered after the client gave up): records the Message-ID of
 * each message it received, so a test can count what reached the server.
 */
final class SilentSmtp implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	SilentSmtp() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "silent-smtp");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<String> received() {
		return this.received;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try (Socket s = this.server.accept()) {
				serve(s);
			}
			catch (IOException ex) {
				// closed, or the client gave up: next connection
			}
		}
	}

	private void serve(Socket s) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = s.getOutputStream();
		reply(out, "220 silent ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String cmd = line.toUpperCase(java.util.Locale.ROOT);
			if (cmd.startsWith("DATA")) {
				reply(out, "354 go ahead");
				String id = "";
				while ((line = in.readLine()) != null && !line.equals(".")) {
					if (id.isEmpty() && line.toLowerCase(java.util.Locale.ROOT).startsWith("message-id:")) {
						id = line.substring(line.indexOf(':') + 1).strip();
					}
				}
				if (line != null) {
					this.received.add(id); // taken whole; the answer never comes
				}
			}
			else if (cmd.startsWith("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			else {
				reply(out, "250 ok");
			}
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
