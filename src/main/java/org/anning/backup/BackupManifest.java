package org.anning.backup;

import java.util.List;

/**
 * What a backup file holds, written as {@code manifest.json} beside the data: the format, when and from which
 * PostgreSQL it was made, every module's applied migrations (each module has its own Flyway history table), every
 * table with its columns, row count and the SHA-256 of its entry, and the sequences' values. The manifest's own
 * SHA-256 is in {@code manifest.sha256}.
 */
record BackupManifest(int format, String createdAt, String databaseVersion, String anningVersion,
		List<History> migrations, List<Table> tables, List<Sequence> sequences) {

	static final int FORMAT = 1;

	static final String MANIFEST = "manifest.json";

	static final String MANIFEST_SHA256 = "manifest.sha256";

	/** One Flyway history table (one module) and the migrations applied from it, in order. */
	record History(String table, List<Migration> applied) {
	}

	/** One applied migration as Flyway recorded it. */
	record Migration(int rank, String version, String description, String type, String script, Integer checksum) {

		/** The same migration, whatever its rank: ranks differ when modules migrate in another order. */
		String identity() {
			return version + " " + script + " " + type + " " + checksum;
		}
	}

	/**
	 * One table: its entry in the file ({@code COPY} text format, one row a line), the columns in that order,
	 * the row count, and the entry's size and SHA-256.
	 */
	record Table(String schema, String name, List<String> columns, String entry, long rows, long bytes, String sha256) {

		String qualified() {
			return Catalogue.quote(schema) + "." + Catalogue.quote(name);
		}

		String label() {
			return schema + "." + name;
		}
	}

	/** A sequence's state: {@code lastValue} is null when no value has been taken yet. */
	record Sequence(String schema, String name, Long lastValue, long startValue) {

		String qualified() {
			return Catalogue.quote(schema) + "." + Catalogue.quote(name);
		}
	}

	long totalRows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}
}
