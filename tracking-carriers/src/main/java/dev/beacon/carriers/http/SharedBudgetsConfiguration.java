package dev.beacon.carriers.http;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.shipment.Refreshes;

/**
 * One {@link SharedBudgets} for the install, given to every direct adapter so their
 * quotas are counted across instances. {@code beacon.refresh.reserve} (default 0.2) is
 * the last share of each period's budget kept for scheduled polls: refreshes stop before
 * it.
 */
@Configuration(proxyBeanMethods = false)
class SharedBudgetsConfiguration {

	/** Every adapter's meters exist from startup, so dashboards and alerts see them. */
	@Bean
	Object carrierMetersRegistered(CarrierMetrics metrics, List<CarrierAdapter> adapters) {
		adapters.forEach((a) -> metrics.register(a.code()));
		return new Object();
	}

	@Bean
	SharedBudgets sharedBudgets(NamedParameterJdbcTemplate jdbc, ObjectProvider<MeterRegistry> registry,
			Refreshes refreshes, List<CarrierAdapter> adapters) {
		SharedBudgets budgets = new SharedBudgets(jdbc,
				registry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
				refreshes.properties().reserve(), refreshes.properties().maxWait());
		for (CarrierAdapter adapter : adapters) {
			if (adapter instanceof HttpCarrierAdapter http) {
				http.share(budgets);
			}
		}
		return budgets;
	}

}
