package org.anning;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries: no cycles, no reach into another module's internals. The run also writes
 * the module diagrams and canvases to target/spring-modulith-docs (linked from docs/architecture.md).
 */
class ModularityTests {

	/** Production code only: tests may use fixtures of several modules. */
	static final ApplicationModules modules = ApplicationModules.of(AnningApplication.class,
			new ImportOption.DoNotIncludeTests());

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}
}
