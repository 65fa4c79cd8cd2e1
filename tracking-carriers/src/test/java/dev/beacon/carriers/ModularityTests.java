package dev.beacon.carriers;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import dev.beacon.CarriersTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	@Test
	void carriersOnlyUsesTheCoreModulesItIsAllowedTo() {
		ApplicationModules modules = ApplicationModules.of(CarriersTestApplication.class,
				new ImportOption.DoNotIncludeTests());
		modules.verify();
		assertThat(modules.getModuleByName("carriers")).isPresent();
	}

}
