package dev.beacon.carriers.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.carriers.CarrierAccount;
import dev.beacon.carriers.CarrierAccountException;
import dev.beacon.carriers.CarrierRegistry;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.HttpCarrierAdapter;
import dev.beacon.carriers.http.SharedBudgets;
import dev.beacon.common.SecretsCipher;
import dev.beacon.shipment.CarrierInfo;
import dev.beacon.shipment.PollOutcome;

/**
 * Stores' own carrier accounts ({@code carrier_accounts}): saved encrypted (the fields as
 * one JSON object, sealed by {@link SecretsCipher}), listed without secrets, tested with
 * a real call, and turned into adapters for the poller. An account's adapter is the
 * carrier's adapter with the store's credentials and budgets of its own
 * ({@code <carrier>@<store id>}); it is built once and rebuilt when the account is saved
 * again (its {@code updated_at} moves), on any instance.
 */
@Component
public class CarrierAccounts {

	private record Cached(Instant version, HttpCarrierAdapter adapter) {
	}

	private static final Logger log = LoggerFactory.getLogger(CarrierAccounts.class);

	private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final SecretsCipher cipher;

	private final Map<String, HttpCarrierAdapter> direct = new LinkedHashMap<>();

	private final SharedBudgets budgets;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Cached> adapters = new ConcurrentHashMap<>();

	CarrierAccounts(NamedParameterJdbcTemplate jdbc, SecretsCipher cipher, List<CarrierAdapter> adapters,
			SharedBudgets budgets, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.budgets = budgets;
		this.json = json;
		this.clock = clock;
		// in the registry's order
		for (CarrierInfo c : CarrierRegistry.all()) {
			for (CarrierAdapter a : adapters) {
				if (a.code().equals(c.code()) && a instanceof HttpCarrierAdapter http
						&& !AccountFields.of(a.code()).isEmpty()) {
					this.direct.put(a.code(), http);
				}
			}
		}
	}

	/** The carriers a store may bring its own account for. */
	public List<String> carriers() {
		return List.copyOf(this.direct.keySet());
	}

	/** One line per carrier that takes accounts, saved or not. */
	public List<CarrierAccount> list(UUID storeId) {
		Map<String, CarrierAccount> saved = new LinkedHashMap<>();
		this.jdbc.query("select * from carrier_accounts where store_id = :store",
				new MapSqlParameterSource("store", storeId), (rs) -> {
					String carrier = rs.getString("carrier");
					saved.put(carrier, view(carrier, true, instant(rs.getTimestamp("updated_at")),
							instant(rs.getTimestamp("last_test_at")), rs.getString("last_test_result")));
				});
		List<CarrierAccount> out = new ArrayList<>();
		for (String carrier : this.direct.keySet()) {
			out.add(saved.getOrDefault(carrier, view(carrier, false, null, null, null)));
		}
		return out;
	}

	/**
	 * Saves (or replaces) a store's account: 404 for a code outside the registry, 422
	 * naming {@code carrier} for a carrier without a direct adapter and naming the field
	 * for a bad credential; refused ({@code SecretsKeyMissingException}, 409) when it
	 * cannot be stored encrypted.
	 */
	public CarrierAccount save(UUID storeId, String carrier, @Nullable Map<String, ?> body) {
		String code = supported(carrier);
		Map<String, String> fields = AccountFields.validate(code, body);
		this.cipher.requireKey();
		String sealed = this.cipher.encrypt(this.json.writeValueAsString(fields));
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update("""
				insert into carrier_accounts (store_id, carrier, credentials, created_at, updated_at)
				values (:store, :carrier, :credentials, :now, :now)
				on conflict (store_id, carrier) do update set credentials = excluded.credentials,
				  updated_at = excluded.updated_at, last_test_at = null, last_test_result = null""",
				key(storeId, code).addValue("credentials", sealed).addValue("now", now));
		this.adapters.remove(cacheKey(storeId, code));
		return view(code, true, now.toInstant(), null, null);
	}

	/** Deletes a store's account; false when it had none. */
	public boolean delete(UUID storeId, String carrier) {
		String code = supported(carrier);
		this.adapters.remove(cacheKey(storeId, code));
		return this.jdbc.update("delete from carrier_accounts where store_id = :store and carrier = :carrier",
				key(storeId, code)) > 0;
	}

	/**
	 * "Test connection": one real call with the store's credentials to the carrier's
	 * configured host; the result is kept and answered as {@code ok} or a coarse category
	 * (never the carrier's text). 404 when the store saved no account.
	 */
	public CarrierAccount.TestResult test(UUID storeId, String carrier) {
		String code = supported(carrier);
		HttpCarrierAdapter adapter = adaptersFor(code, List.of(storeId)).get(storeId);
		if (adapter == null && saved(storeId, code)) {
			throw CarrierAccountException.invalid("carrier", "the saved " + code + " account cannot be read (was "
					+ SecretsCipher.PROPERTY + " changed?): save it again");
		}
		if (adapter == null) {
			throw CarrierAccountException.notFound("no " + code + " account saved for this store");
		}
		String result = category(adapter.testConnection(storeId));
		Instant now = this.clock.instant();
		this.jdbc.update("""
				update carrier_accounts set last_test_at = :now, last_test_result = :result
				where store_id = :store and carrier = :carrier""",
				key(storeId, code).addValue("now", Timestamp.from(now)).addValue("result", result));
		return new CarrierAccount.TestResult(code, result, now);
	}

	/**
	 * The adapters of these stores' own accounts with a carrier (stores without none). An
	 * account that cannot be read (the key changed) is logged and left out: it never
	 * stops the other stores' accounts.
	 */
	public Map<UUID, HttpCarrierAdapter> adaptersFor(String carrier, Collection<UUID> storeIds) {
		HttpCarrierAdapter base = this.direct.get(carrier);
		if (base == null || storeIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, HttpCarrierAdapter> out = new LinkedHashMap<>();
		this.jdbc.query("""
				select store_id, credentials, updated_at from carrier_accounts
				where carrier = :carrier and store_id in (:stores)""",
				new MapSqlParameterSource("carrier", carrier).addValue("stores", storeIds), (rs) -> {
					UUID store = rs.getObject("store_id", UUID.class);
					Instant version = Objects.requireNonNull(instant(rs.getTimestamp("updated_at")));
					String sealed = rs.getString("credentials");
					try {
						Cached cached = this.adapters.compute(cacheKey(store, carrier),
								(k, old) -> (old != null && old.version().equals(version)) ? old
										: new Cached(version, base.forAccount(carrier + "@" + store,
												AccountFields.settings(open(sealed)), this.budgets)));
						out.put(store, cached.adapter());
					}
					catch (RuntimeException ex) {
						// the class only: a message could quote what was decrypted
						log.warn(
								"The {} account of store {} cannot be read ({}, was {} changed?); it is not used "
										+ "until saved again",
								carrier, store, ex.getClass().getSimpleName(), SecretsCipher.PROPERTY);
					}
				});
		return out;
	}

	private boolean saved(UUID storeId, String carrier) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from carrier_accounts where store_id = :store and carrier = :carrier)",
				key(storeId, carrier), Boolean.class));
	}

	private Map<String, String> open(String sealed) {
		return this.json.readValue(this.cipher.decrypt(sealed), FIELDS);
	}

	private String supported(String carrier) {
		String code = carrier.strip().toLowerCase(java.util.Locale.ROOT);
		Optional<CarrierInfo> info = CarrierRegistry.find(code);
		if (info.isEmpty()) {
			throw CarrierAccountException.notFound("no carrier '" + code + "' in the registry (GET /api/v1/carriers)");
		}
		if (!this.direct.containsKey(code)) {
			throw CarrierAccountException.invalid("carrier", info.get().name()
					+ " has no direct adapter, so it takes no account; it is followed through an aggregator");
		}
		return code;
	}

	private CarrierAccount view(String carrier, boolean configured, @Nullable Instant updatedAt,
			@Nullable Instant lastTestAt, @Nullable String lastTestResult) {
		String name = CarrierRegistry.find(carrier).map(CarrierInfo::name).orElse(carrier);
		return new CarrierAccount(carrier, name, AccountFields.of(carrier), configured,
				this.direct.get(carrier).configured(), updatedAt, lastTestAt, lastTestResult);
	}

	/** A poll outcome as the coarse category a store sees. */
	static String category(PollOutcome outcome) {
		return switch (outcome) {
			case OK, PUSHED, NOT_FOUND -> "ok";
			case AUTH_FAILED, NOT_CONFIGURED -> "auth_failed";
			case RATE_LIMITED -> "rate_limited";
			case TIMEOUT -> "timeout";
			case MALFORMED -> "unexpected_answer";
			default -> "unreachable";
		};
	}

	private static String cacheKey(UUID storeId, String carrier) {
		return storeId + "/" + carrier;
	}

	private static MapSqlParameterSource key(UUID storeId, String carrier) {
		return new MapSqlParameterSource("store", storeId).addValue("carrier", carrier);
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return (ts != null) ? ts.toInstant() : null;
	}

}
