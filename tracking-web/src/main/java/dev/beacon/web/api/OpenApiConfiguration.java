package dev.beacon.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description at /v3/api-docs, Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI beaconOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Beacon API")
				.version("v1")
				.description("Orders, shipments and tracking for store backends. Authenticate with "
						+ "'Authorization: Bearer <store api key>'. Errors are RFC 9457 problem+json.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("storeKey",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Store API key")))
			.addSecurityItem(new SecurityRequirement().addList("storeKey"));
	}

}
