package org.anning.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database holds, read from PostgreSQL's catalogue: the tables of every schema (not the system's, not
 * an extension's, not Flyway's history tables, not partitions, which their parent covers), the columns a backup
 * copies (not generated ones), foreign keys, user triggers, sequences and the Flyway history tables.
 */
final class Catalogue {

	/** Modulith's per-module Flyway keeps one history table per module: flyway_schema_history[_module]. */
	static final String HISTORY_PREFIX = "flyway_schema_history";

	private static final String OWN_SCHEMAS = " " + """
			n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
			AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			                AND d.deptype = 'e')
			""";

	private Catalogue() {
	}

	/** A table by schema and name. */
	record Name(String schema, String name) {

		String qualified() {
			return quote(schema) + "." + quote(name);
		}

		String label() {
			return schema + "." + name;
		}
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** Every data table, parents before the tables whose foreign keys refer to them. */
	static List<Name> tables(Connection connection) throws SQLException {
		List<Name> all = new ArrayList<>();
		for (List<String> row : query(connection, """
				SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't'
				  AND c.relname NOT LIKE 'flyway\\_schema\\_history%' AND """ + OWN_SCHEMAS + " ORDER BY 1, 2")) {
			all.add(new Name(row.get(0), row.get(1)));
		}
		Map<Name, Set<Name>> parents = new LinkedHashMap<>();
		all.forEach(t -> parents.put(t, new LinkedHashSet<>()));
		for (List<String> row : query(connection, """
				SELECT cn.nspname, c.relname, pn.nspname, p.relname FROM pg_constraint k
				JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
				JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
				WHERE k.contype = 'f'""")) {
			Name child = new Name(row.get(0), row.get(1));
			Name parent = new Name(row.get(2), row.get(3));
			if (parents.containsKey(child) && parents.containsKey(parent) && !child.equals(parent)) {
				parents.get(child).add(parent);
			}
		}
		return parentsFirst(parents);
	}

	/** A topological order; tables in a cycle of foreign keys (none today) keep their alphabetical place. */
	private static List<Name> parentsFirst(Map<Name, Set<Name>> parents) {
		List<Name> ordered = new ArrayList<>();
		Set<Name> placed = new LinkedHashSet<>();
		boolean progress = true;
		while (placed.size() < parents.size() && progress) {
			progress = false;
			for (var table : parents.entrySet()) {
				if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
					placed.add(table.getKey());
					ordered.add(table.getKey());
					progress = true;
				}
			}
		}
		parents.keySet().stream().filter(t -> !placed.contains(t)).forEach(ordered::add);
		return ordered;
	}

	/** The columns a backup copies, in the table's order: generated columns are computed again on load. */
	static List<String> columns(Connection connection, Name table) throws SQLException {
		List<String> columns = new ArrayList<>();
		for (List<String> row : query(connection, """
				SELECT a.attname FROM pg_attribute a
				WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
				ORDER BY a.attnum""", table.qualified())) {
			columns.add(row.get(0));
		}
		return columns;
	}

	/** Tables with triggers of their own (such as the guards of insert-only tables), which a restore switches off. */
	static Set<Name> withUserTriggers(Connection connection) throws SQLException {
		Set<Name> tables = new LinkedHashSet<>();
		for (List<String> row : query(connection, """
				SELECT DISTINCT n.nspname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal""")) {
			tables.add(new Name(row.get(0), row.get(1)));
		}
		return tables;
	}

	static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
		List<BackupManifest.Sequence> sequences = new ArrayList<>();
		for (List<String> row : query(connection, """
				SELECT n.nspname, c.relname, s.last_value, s.start_value
				FROM pg_sequences s JOIN pg_namespace n ON n.nspname = s.schemaname
				JOIN pg_class c ON c.relname = s.sequencename AND c.relnamespace = n.oid
				WHERE """ + OWN_SCHEMAS + " ORDER BY 1, 2")) {
			sequences.add(new BackupManifest.Sequence(row.get(0), row.get(1),
					row.get(2) == null ? null : Long.valueOf(row.get(2)), Long.parseLong(row.get(3))));
		}
		return sequences;
	}

	/** Every module's applied migrations, from each Flyway history table. */
	static List<BackupManifest.History> migrations(Connection connection) throws SQLException {
		List<BackupManifest.History> histories = new ArrayList<>();
		for (List<String> table : query(connection, """
				SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind = 'r' AND c.relname LIKE 'flyway\\_schema\\_history%' AND """ + OWN_SCHEMAS
				+ " ORDER BY 2, 1")) {
			Name name = new Name(table.get(0), table.get(1));
			List<BackupManifest.Migration> applied = new ArrayList<>();
			for (List<String> row : query(connection, "SELECT installed_rank, version, description, type, script, checksum FROM "
					+ name.qualified() + " WHERE success ORDER BY installed_rank")) {
				applied.add(new BackupManifest.Migration(Integer.parseInt(row.get(0)), row.get(1), row.get(2), row.get(3),
						row.get(4), row.get(5) == null ? null : Integer.valueOf(row.get(5))));
			}
			histories.add(new BackupManifest.History(name.name(), applied));
		}
		return histories;
	}

	static String serverVersion(Connection connection) throws SQLException {
		return query(connection, "SELECT version()").get(0).get(0);
	}

	static long count(Connection connection, String qualified) throws SQLException {
		return Long.parseLong(query(connection, "SELECT count(*) FROM " + qualified).get(0).get(0));
	}

	static List<List<String>> query(Connection connection, String sql, String... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setString(i + 1, params[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				List<List<String>> rows = new ArrayList<>();
				while (result.next()) {
					List<String> row = new ArrayList<>(columns);
					for (int i = 1; i <= columns; i++) {
						row.add(result.getString(i));
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
