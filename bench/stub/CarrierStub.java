import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Bench only (bench/cadence.sh): a local stand-in for the UPS, FedEx, USPS and DHL APIs on
 * loopback, so the poller runs its real HTTP adapters without the internet. Answers the
 * token endpoints and each carrier's tracking call in the carrier's own shape, for any
 * number, with one in-transit scan whose time is fixed per number (so a second poll of a
 * number brings nothing new). Run with the JDK's source launcher:
 * {@code java bench/stub/CarrierStub.java <port> [latency-ms] [new-share-percent]}.
 * {@code GET /stats} answers the numbers answered so far per carrier.
 */
public final class CarrierStub {

	static final AtomicLong UPS = new AtomicLong(), FEDEX = new AtomicLong(), USPS = new AtomicLong(),
			DHL = new AtomicLong(), REQUESTS = new AtomicLong();

	static final Instant EPOCH = Instant.now();

	static int latency;

	static int share;

	static final Pattern FEDEX_NUMBER = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		latency = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		share = (args.length > 2) ? Integer.parseInt(args[2]) : 100;
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newFixedThreadPool(64));
		server.createContext("/", CarrierStub::handle);
		server.start();
		System.out.println("carrier stub on " + port + " latency " + latency + " ms, new scan in " + share + "%");
	}

	static void handle(HttpExchange ex) throws IOException {
		try (ex) {
			String path = ex.getRequestURI().getPath();
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (path.equals("/stats")) {
				send(ex, "{\"ups\":" + UPS + ",\"fedex\":" + FEDEX + ",\"usps\":" + USPS + ",\"dhl\":" + DHL
						+ ",\"requests\":" + REQUESTS + "}");
				return;
			}
			REQUESTS.incrementAndGet();
			if (latency > 0) {
				Thread.sleep(latency);
			}
			if (path.endsWith("/token")) {
				send(ex, "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":\"86400\"}");
			}
			else if (path.startsWith("/api/track/v1/details/")) {
				UPS.incrementAndGet();
				String n = last(path);
				send(ex, "{\"trackResponse\":{\"shipment\":[{\"package\":[{\"trackingNumber\":\"" + n
						+ "\",\"activity\":[" + (fresh(n) ? "{\"location\":{\"address\":{\"city\":\"Louisville\","
								+ "\"stateProvince\":\"KY\",\"countryCode\":\"US\"}},\"status\":{\"type\":\"I\","
								+ "\"description\":\"Arrived at Facility\",\"code\":\"AR\",\"statusCode\":\"005\"},"
								+ "\"date\":\"" + at(n, "yyyyMMdd") + "\",\"time\":\"" + at(n, "HHmmss")
								+ "\",\"gmtDate\":\"" + at(n, "yyyyMMdd") + "\",\"gmtTime\":\"" + at(n, "HHmmss")
								+ "\",\"gmtOffset\":\"+00:00\"}" : "")
						+ "]}]}]}}");
			}
			else if (path.equals("/track/v1/trackingnumbers")) {
				List<String> numbers = new ArrayList<>();
				Matcher m = FEDEX_NUMBER.matcher(body);
				while (m.find()) {
					numbers.add(m.group(1));
				}
				FEDEX.addAndGet(numbers.size());
				StringBuilder out = new StringBuilder("{\"output\":{\"completeTrackResults\":[");
				for (int i = 0; i < numbers.size(); i++) {
					String n = numbers.get(i);
					out.append((i > 0) ? "," : "")
						.append("{\"trackingNumber\":\"")
						.append(n)
						.append("\",\"trackResults\":[{\"scanEvents\":[");
					if (fresh(n)) {
						out.append("{\"date\":\"")
							.append(iso(n))
							.append("\",\"eventType\":\"AR\",\"eventDescription\":\"Arrived at FedEx location\",")
							.append("\"scanLocation\":{\"city\":\"MEMPHIS\",\"stateOrProvinceCode\":\"TN\",")
							.append("\"countryCode\":\"US\"}}");
					}
					out.append("]}]}");
				}
				send(ex, out.append("]}}").toString());
			}
			else if (path.startsWith("/tracking/v3/tracking/")) {
				USPS.incrementAndGet();
				String n = last(path);
				send(ex, "{\"trackingNumber\":\"" + n + "\",\"trackingEvents\":["
						+ (fresh(n) ? "{\"eventCode\":\"10\",\"eventType\":\"Arrived at USPS Regional Facility\","
								+ "\"eventTimestamp\":\"" + iso(n).replace("Z", "") + "\",\"GMTTimestamp\":\"" + iso(n)
								+ "\",\"GMTOffset\":\"+00:00\",\"eventCity\":\"CHICAGO\",\"eventState\":\"IL\"}" : "")
						+ "]}");
			}
			else if (path.equals("/track/shipments")) {
				DHL.incrementAndGet();
				String q = ex.getRequestURI().getRawQuery();
				String n = URLDecoder.decode(q.replaceAll(".*trackingNumber=([^&]*).*", "$1"), StandardCharsets.UTF_8);
				send(ex, "{\"shipments\":[{\"id\":\"" + n + "\",\"events\":["
						+ (fresh(n) ? "{\"timestamp\":\"" + iso(n) + "\",\"statusCode\":\"transit\","
								+ "\"description\":\"Shipment has arrived at the hub\",\"location\":{\"address\":"
								+ "{\"addressLocality\":\"Leipzig\",\"countryCode\":\"DE\"}}}" : "")
						+ "]}]}");
			}
			else {
				ex.sendResponseHeaders(404, -1);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether this number's answer carries a scan (the configured share of numbers). */
	static boolean fresh(String number) {
		return Math.floorMod(number.hashCode(), 100) < share;
	}

	/** The scan's time: fixed per number, 10 to 69 minutes before the stub started. */
	static Instant when(String number) {
		return EPOCH.minusSeconds(600 + 60L * Math.floorMod(number.hashCode(), 60)).truncatedTo(ChronoUnit.SECONDS);
	}

	static String at(String number, String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(when(number));
	}

	static String iso(String number) {
		return DateTimeFormatter.ISO_INSTANT.format(when(number));
	}

	static String last(String path) {
		return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
	}

	static void send(HttpExchange ex, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", "application/json");
		ex.sendResponseHeaders(200, bytes.length);
		try (OutputStream os = ex.getResponseBody()) {
			os.write(bytes);
		}
	}

}
