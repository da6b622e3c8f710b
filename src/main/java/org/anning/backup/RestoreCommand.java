package org.anning.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anning.operations.Command;
import org.springframework.stereotype.Component;

/**
 * {@code restore FILE [--replace]}: loads a backup into an empty database of the same Anning version (migrated by
 * this version), everything or nothing, as the schema owner; refuses a damaged file, a backup of other migrations,
 * and a database that holds data (audit entries) unless {@code --replace}. Prints the rows of every table and exits 0, or 1 with
 * the reason.
 */
@Component
class RestoreCommand implements Command {

	private final DatabaseRestore restore;

	RestoreCommand(DatabaseRestore restore) {
		this.restore = restore;
	}

	@Override
	public String name() {
		return "restore";
	}

	@Override
	public int run(String[] args, PrintStream out) {
		List<String> files = new ArrayList<>();
		boolean replace = false;
		for (String arg : args) {
			if (arg.equals("--replace")) {
				replace = true;
			}
			else if (arg.startsWith("-")) {
				throw new UsageException("unknown option " + arg + "; usage: restore FILE [--replace]");
			}
			else {
				files.add(arg);
			}
		}
		if (files.size() != 1) {
			throw new UsageException("usage: restore FILE [--replace]");
		}
		Path file = Path.of(files.get(0)).toAbsolutePath().normalize();
		long started = System.nanoTime();
		try {
			DatabaseRestore.Restored restored = restore.restore(file, replace);
			for (Map.Entry<String, Long> table : new java.util.TreeMap<>(restored.rows()).entrySet()) {
				out.println(String.format("%-48s %12d", table.getKey(), table.getValue()));
			}
			if (!restored.replaced().isEmpty()) {
				out.println("Replaced what the database held before: " + restored.replaced().entrySet()
					.stream()
					.map(t -> t.getKey() + " (" + t.getValue() + " rows)")
					.collect(java.util.stream.Collectors.joining(", ")));
			}
			out.println("Restored " + file + " (made " + restored.manifest().createdAt() + "): "
					+ restored.rows().size() + " tables, "
					+ restored.rows().values().stream().mapToLong(Long::longValue).sum() + " rows, "
					+ restored.manifest().sequences().size() + " sequences in " + (System.nanoTime() - started) / 1_000_000
					+ " ms.");
			out.println("Next: start Anning with the personal-data keys of the backed-up installation, and run: audit verify");
			return 0;
		}
		catch (RestoreRefused e) {
			out.println("Restore refused: " + e.getMessage());
			return 1;
		}
		catch (IOException | SQLException | RuntimeException e) {
			out.println("Restore failed and was rolled back, the database is as it was: " + e.getMessage()
					+ " (run restore as the schema owner: ANNING_DB_OWNER_USER, or the embedded database's own).");
			return 1;
		}
	}
}
