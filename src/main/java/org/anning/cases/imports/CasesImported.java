package org.anning.cases.imports;

import java.util.UUID;

/** A file of historical records was imported: how many records are new and how many existing ones it changed. */
public record CasesImported(UUID importId, String kind, int imported, int updated) {
}
