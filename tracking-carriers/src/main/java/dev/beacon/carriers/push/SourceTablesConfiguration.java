package dev.beacon.carriers.push;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.beacon.shipment.MappingTable;

/**
 * The mapping tables of the push sources, whatever the carrier: EasyPost's
 * ({@code EP_<status>}) and the store's own reports through Shopify
 * ({@code SH_<shipment_status>}).
 */
@Configuration(proxyBeanMethods = false)
class SourceTablesConfiguration {

	static final String EASYPOST = "easypost";

	static final String STORE = "store";

	@Bean
	MappingTable easyPostMappingTable() {
		return MappingTable.fromClasspath(EASYPOST, "carriers/mapping/easypost.csv");
	}

	@Bean
	MappingTable storeMappingTable() {
		return MappingTable.fromClasspath(STORE, "carriers/mapping/store.csv");
	}

}
