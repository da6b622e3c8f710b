package org.anning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules keep their boundaries: no cycles, no reach into another module's internals. The run also writes
 * the module diagrams and canvases to docs/modules, which docs/architecture.md links; commit them when they
 * change.
 */
class ModularityTests {

	/** Production code only (whatever the build directory): tests may use fixtures of several modules. */
	static final ApplicationModules modules = ApplicationModules.of(AnningApplication.class,
			(ImportOption) location -> !location.contains("/test-classes/"));

	static final Path DOCS = Path.of("docs", "modules");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramWithEveryModule() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation()
			.writeIndividualModulesAsPlantUml();

		sortRelations();
		String diagram = Files.readString(DOCS.resolve("components.puml"));
		for (ApplicationModule module : modules) {
			assertThat(diagram).contains(module.getDisplayName());
		}
	}

	/** The documenter lists relations in no fixed order; sorting them keeps the committed diagrams stable. */
	private static void sortRelations() throws IOException {
		try (var files = Files.list(DOCS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				List<String> lines = Files.readAllLines(file);
				List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
				List<String> sorted = new ArrayList<>();
				int next = 0;
				for (String line : lines) {
					sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
				}
				Files.write(file, sorted);
			}
			// The module pages list events and types in no fixed order either: sort each bullet list.
			for (Path file : Files.list(DOCS).filter(f -> f.toString().endsWith(".adoc")).toList()) {
				Files.write(file, sortBulletLists(Files.readAllLines(file)));
			}
		}
	}

	/** Sorts each run of bullet lines ({@code |* a}, then {@code * b} …), keeping the table cell's bar on the first. */
	static List<String> sortBulletLists(List<String> lines) {
		List<String> result = new ArrayList<>();
		for (int i = 0; i < lines.size();) {
			String line = lines.get(i);
			if (!line.startsWith("|* ") && !line.startsWith("* ")) {
				result.add(line);
				i++;
				continue;
			}
			boolean bar = line.startsWith("|");
			List<String> items = new ArrayList<>();
			items.add(bar ? line.substring(1) : line);
			int j = i + 1;
			while (j < lines.size() && lines.get(j).startsWith("* ")) {
				items.add(lines.get(j++));
			}
			items.sort(null);
			for (int k = 0; k < items.size(); k++) {
				result.add(k == 0 && bar ? "|" + items.get(k) : items.get(k));
			}
			i = j;
		}
		return result;
	}
}
