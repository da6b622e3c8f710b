package org.anning.cases.imports;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.cases.SearchTokens;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a million historical cases import through the API, against the database's own limit measured in the
 * same run on the same rows: PostgreSQL's COPY of the finished rows into case_file itself (indexes, constraints,
 * write-ahead log; rolled back), and into a bare temporary table of the same shape (no indexes) for scale. Run by {@code bench/case-import}; prints
 * figures, asserts only that every row arrived.
 */
@Tag("benchmark")
@AnningTest
class CaseImportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisation organisation;

	@Test
	void importsAMillionCases() throws Exception {
		int rows = Integer.getInteger("anning.bench.rows", 1_000_000);
		Path csv = Files.createTempFile("bench-cases-", ".csv");
		Path copy = Files.createTempFile("bench-cases-", ".copy");
		try {
			long started = System.nanoTime();
			generate(rows, csv, copy);
			System.out.printf("BENCH case-import rows=%d file=%.1f MB (generated in %.1f s)%n", rows,
					Files.size(csv) / 1e6, (System.nanoTime() - started) / 1e9);

			double bare = copySeconds("INCLUDING DEFAULTS", copy);
			double real = copyIntoCaseFileSeconds(copy);

			HttpClient client = HttpClient.newHttpClient();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/cases"))
				.header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofFile(csv))
				.build();
			started = System.nanoTime();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			double api = (System.nanoTime() - started) / 1e9;
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"imported\":" + rows + ",\"updated\":0}");

			System.out.printf("BENCH limit: COPY into a temporary table shaped like case_file, no indexes: %.1f s = %.0f rows/s%n",
					bare, rows / bare);
			System.out.printf("BENCH import through POST /api/v1/imports/cases (check, COPY, merge, audit): %.1f s = %.0f rows/s%n",
					api, rows / api);
			System.out.printf("BENCH limit: COPY into case_file itself (indexes, constraints, WAL), rolled back: %.1f s = %.0f rows/s%n",
					real, rows / real);
			System.out.printf("BENCH ratio: import rows/s = %.2f of COPY into case_file (%.2f of COPY into the bare table)%n",
					real / api, bare / api);

			// Again: every number is known and unchanged, so nothing is written
			started = System.nanoTime();
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
			double again = (System.nanoTime() - started) / 1e9;
			assertThat(response.body()).isEqualTo("{\"imported\":0,\"updated\":0}");
			System.out.printf("BENCH the same file again (nothing changes): %.1f s = %.0f rows/s%n", again, rows / again);
		}
		finally {
			Files.deleteIfExists(csv);
			Files.deleteIfExists(copy);
		}
	}

	/** The same cases as the import's CSV and as finished case_file rows in COPY format, for the limit. */
	private void generate(int rows, Path csv, Path copy) throws Exception {
		List<Unit> units = organisation.active();
		List<String> categories = jdbc.sql("SELECT code FROM case_category WHERE parent_code IS NOT NULL OR code IN "
				+ "('THEFT','BURGLARY','ROBBERY','ASSAULT','DRUGS','OTHER_CRIMINAL') ORDER BY code").query(String.class).list();
		String prefix = "HX" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		Random random = new Random(42);
		LocalDate first = LocalDate.of(2015, 1, 1);
		String now = "2026-01-01 00:00:00+00";
		try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
				BufferedWriter rowsOut = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
			out.write("case_number,unit_code,category_code,occurred_on,registered_on,cleared_on,closed_on,loss_amount\r\n");
			for (int i = 0; i < rows; i++) {
				Unit unit = units.get(random.nextInt(units.size()));
				String category = categories.get(random.nextInt(categories.size()));
				LocalDate occurred = first.plusDays(random.nextInt(3650));
				LocalDate registered = occurred.plusDays(random.nextInt(5));
				int fate = random.nextInt(100);
				LocalDate cleared = fate < 40 ? registered.plusDays(random.nextInt(300)) : null;
				LocalDate closed = fate >= 95 ? registered.plusDays(random.nextInt(200)) : null;
				String loss = category.startsWith("FRAUD") || category.equals("THEFT")
						? (random.nextInt(5_000_000) / 100) + "." + String.format("%02d", random.nextInt(100)) : "";
				String number = prefix + "-" + occurred.getYear() + "-" + String.format("%07d", i);
				out.write(number + "," + unit.code() + "," + category + "," + occurred + "," + registered + ","
						+ (cleared == null ? "" : cleared) + "," + (closed == null ? "" : closed) + "," + loss + "\r\n");
				String status = cleared != null ? "CLEARED" : closed != null ? "CLOSED" : "REGISTERED";
				rowsOut.write(UUID.randomUUID() + "\t" + number + "\t" + unit.id().value() + "\t" + category + "\t"
						+ occurred + "\t" + registered + "\t" + status + "\t" + (cleared == null ? "\\N" : cleared) + "\t"
						+ (closed == null ? "\\N" : closed) + "\t" + (loss.isEmpty() ? "0.00" : loss) + "\tIMPORT\t" + now
						+ "\t" + now + "\t{" + String.join(",", SearchTokens.of(number)) + "}\n");
			}
		}
	}

	/**
	 * COPY of the same rows into case_file in a transaction that is rolled back: the real table with its indexes,
	 * constraints and write-ahead log, and nothing left behind but dead tuples (which, if anything, slow the import
	 * that follows).
	 */
	private double copyIntoCaseFileSeconds(Path rows) throws Exception {
		try (Connection connection = dataSource.getConnection(); Reader in = Files.newBufferedReader(rows)) {
			connection.setAutoCommit(false);
			try {
				long started = System.nanoTime();
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY case_file (id, case_number, unit_id, "
						+ "category_code, occurred_on, registered_on, status, cleared_on, closed_on, loss_amount, source, "
						+ "created_at, updated_at, search_tokens) FROM STDIN", in, 1 << 16);
				return (System.nanoTime() - started) / 1e9;
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	/**
	 * COPY of the rows into a temporary (so unlogged) table like case_file; the application's database role may
	 * not create tables of its own, and the import itself copies into a temporary table too.
	 */
	private double copySeconds(String like, Path rows) throws Exception {
		try (Connection connection = dataSource.getConnection(); Reader in = Files.newBufferedReader(rows)) {
			String table = "bench_case_file";
			try (var statement = connection.createStatement()) {
				statement.execute("CREATE TEMP TABLE " + table + " (LIKE case_file " + like + ")");
			}
			long started = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (id, case_number, unit_id, "
					+ "category_code, occurred_on, registered_on, status, cleared_on, closed_on, loss_amount, source, "
					+ "created_at, updated_at, search_tokens) FROM STDIN", in, 1 << 16);
			double seconds = (System.nanoTime() - started) / 1e9;
			try (var statement = connection.createStatement()) {
				statement.execute("DROP TABLE " + table);
			}
			return seconds;
		}
	}
}
