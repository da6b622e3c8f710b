package org.anning.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

import org.anning.operations.Command;
import org.springframework.stereotype.Component;

/**
 * {@code backup FILE}: writes a consistent backup of the whole database to FILE (a zip) while the application
 * runs; prints the tables, rows and size, and exits 0, or 1 with the reason.
 */
@Component
class BackupCommand implements Command {

	private final DatabaseBackup backup;

	BackupCommand(DatabaseBackup backup) {
		this.backup = backup;
	}

	@Override
	public String name() {
		return "backup";
	}

	@Override
	public int run(String[] args, PrintStream out) {
		if (args.length != 1 || args[0].startsWith("-")) {
			throw new UsageException("usage: backup FILE (a zip file to write, e.g. anning-2026-11-27.zip)");
		}
		Path file = Path.of(args[0]).toAbsolutePath().normalize();
		long started = System.nanoTime();
		try {
			BackupManifest manifest = backup.write(file);
			out.println("Backup written to " + file + ": " + manifest.tables().size() + " tables, " + manifest.totalRows()
					+ " rows, " + manifest.sequences().size() + " sequences, " + java.nio.file.Files.size(file) + " bytes in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms (snapshot of " + manifest.createdAt() + ").");
			out.println("Keep the personal-data keys and the audit witness directory separately: they are not in the backup.");
			return 0;
		}
		catch (IOException | SQLException | RuntimeException e) {
			out.println("Backup failed, nothing was written to " + file + ": " + e.getMessage());
			return 1;
		}
	}
}
