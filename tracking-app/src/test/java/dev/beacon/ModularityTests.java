package dev.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules: Spring Modulith verifies the module graph declared in each
 * package-info (no cycles, no reaching into another module's internals, only allowed
 * dependencies); ArchUnit adds the Maven-level rule that core depends on no feature
 * module; and no main class is longer than 300 lines.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(BeaconApplication.class);

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.beacon");

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		MODULES.verify();
	}

	@Test
	void coreDependsOnNoFeatureModule() {
		noClasses().that()
			.resideInAnyPackage("dev.beacon.status..", "dev.beacon.store..", "dev.beacon.order..",
					"dev.beacon.shipment..", "dev.beacon.support..", "dev.beacon.common..", "dev.beacon.imports..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.carriers..", "dev.beacon.notify..", "dev.beacon.web..",
					"dev.beacon.admin..", "dev.beacon.promise..", "dev.beacon.demo..", "dev.beacon.app..",
					"dev.beacon.integrations..")
			.check(CLASSES);
	}

	@Test
	void featureModulesDoNotReachIntoEachOther() {
		noClasses().that()
			.resideInAnyPackage("dev.beacon.web..", "dev.beacon.carriers..", "dev.beacon.notify..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.admin..", "dev.beacon.demo..", "dev.beacon.app..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.beacon.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.carriers..", "dev.beacon.notify..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.beacon.carriers..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.web..", "dev.beacon.notify..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.beacon.integrations..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.web..", "dev.beacon.carriers..", "dev.beacon.notify..",
					"dev.beacon.admin..", "dev.beacon.demo..", "dev.beacon.app..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.beacon.notify..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.web..", "dev.beacon.carriers..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.beacon.promise..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.beacon.admin..", "dev.beacon.web..", "dev.beacon.carriers..",
					"dev.beacon.notify..", "dev.beacon.demo..", "dev.beacon.app..")
			.check(CLASSES);
	}

	/**
	 * No main class of any module grows past 300 lines (imports and Javadoc counted):
	 * past that, a class holds more than one responsibility and is split
	 * (docs/architecture.md). Read from the modules' sources beside this one.
	 */
	@Test
	void noMainClassIsLongerThan300Lines() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		List<String> tooLong = new ArrayList<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path main : modules.map((m) -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
				try (Stream<Path> sources = Files.walk(main)) {
					for (Path source : sources.filter((f) -> f.toString().endsWith(".java")).toList()) {
						long lines = Files.readAllLines(source).size();
						if (lines > 300) {
							tooLong.add(root.relativize(source) + " (" + lines + ")");
						}
					}
				}
			}
		}
		assertThat(tooLong).as("main classes over 300 lines").isEmpty();
		assertThat(root.resolve("tracking-core/src/main/java")).as("the modules' sources are read").isDirectory();
	}

	/**
	 * Writes Spring Modulith's documentation (the module graph and one C4 component
	 * diagram per module as PlantUML, a module canvas per module in AsciiDoc, and the
	 * aggregating document) to {@code target/modulith-docs}. The committed copy is
	 * {@code docs/modules/}; {@code bin/module-docs} refreshes it. Writing only to
	 * {@code target/} keeps test runs from touching the work tree.
	 */
	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
			.writeDocumentation(Documenter.DiagramOptions.defaults(), Documenter.CanvasOptions.defaults());
	}

}
