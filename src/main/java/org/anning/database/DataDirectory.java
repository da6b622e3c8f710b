package org.anning.database;

import java.nio.file.Path;

/**
 * The directory Anning keeps its files in ({@code ANNING_DATA_DIR}; a temporary one in tests), and whether the
 * embedded PostgreSQL keeps the data there too. Modules put files that belong with the data beside it, such as
 * generated keys.
 */
public record DataDirectory(Path path, boolean embedded) {
}
