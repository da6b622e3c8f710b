package org.anning.traffic;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long finding black spots takes among a bureau-year of 1,000,000 accidents (default; -Danning.bench.rows):
 * the clustering alone in memory, and the whole query (reading the year's accidents of the bureau's units from
 * PostgreSQL, then clustering) on rows copied into the accident table inside a transaction that is rolled back.
 * Run by {@code bench/black-spots}; prints figures, asserts only that spots were found.
 */
@Tag("benchmark")
@AnningTest
class BlackSpotsBenchmark {

	@Autowired
	BlackSpots blackSpots;

	@Autowired
	Organisation organisation;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * A bureau-year of a large city: accidents over 130 by 115 km (about Beijing's area), a tenth of them gathered
	 * at 2,000 junctions.
	 */
	static List<BlackSpots.Point> points(int rows, Random random) {
		double[][] junctions = new double[2000][];
		for (int j = 0; j < junctions.length; j++) {
			junctions[j] = new double[] { 30.1 + random.nextDouble() * 1.2, 119.95 + random.nextDouble() * 1.2 };
		}
		List<BlackSpots.Point> points = new ArrayList<>(rows);
		List<Cause> causes = List.of(Cause.values());
		for (int i = 0; i < rows; i++) {
			double lat;
			double lon;
			if (random.nextInt(10) == 0) {
				double[] j = junctions[random.nextInt(junctions.length)];
				lat = j[0] + random.nextGaussian() * 0.0005;
				lon = j[1] + random.nextGaussian() * 0.0005;
			}
			else {
				lat = 30.1 + random.nextDouble() * 1.2;
				lon = 119.95 + random.nextDouble() * 1.2;
			}
			points.add(new BlackSpots.Point("B" + i, lat, lon, random.nextInt(50) == 0 ? 1 : 0, random.nextInt(3),
					List.of(causes.get(random.nextInt(causes.size())))));
		}
		return points;
	}

	@Test
	void findsBlackSpotsAmongAMillionAccidents() throws Exception {
		int rows = Integer.getInteger("anning.bench.rows", 1_000_000);
		List<BlackSpots.Point> points = points(rows, new Random(1));
		for (int radius : new int[] { 100, 250 }) {
			BlackSpots.cluster(points, radius, 3); // warm-up
			long started = System.nanoTime();
			List<BlackSpots.Spot> spots = BlackSpots.cluster(points, radius, 3);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("BENCH black-spots in-memory accidents=%d radius=%d spots=%d largest=%d time=%.2f s%n",
					rows, radius, spots.size(), spots.isEmpty() ? 0 : spots.get(0).accidentCount(), seconds);
			assertThat(spots).isNotEmpty();
		}

		List<Unit> stations = organisation.all().stream().filter(u -> u.code().startsWith("AN-") && u.code().length() == 8)
			.toList();
		UnitScope scope = new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
		LocalDate from = LocalDate.of(2017, 1, 1);
		java.nio.file.Path file = java.nio.file.Files.createTempFile("bench-accidents-", ".copy");
		java.io.Writer copy = java.nio.file.Files.newBufferedWriter(file);
		Random random = new Random(2);
		for (int i = 0; i < points.size(); i++) {
			BlackSpots.Point p = points.get(i);
			LocalDate day = from.plusDays(random.nextInt(365));
			StringBuilder line = new StringBuilder(200);
			line.append(UUID.randomUUID()).append('\t').append("BENCH-").append(i).append('\t')
				.append(stations.get(i % stations.size()).id().value()).append('\t').append(day)
				.append("T12:00:00+08:00\t").append(day).append('\t')
				.append(String.format(java.util.Locale.ROOT, "%.6f\t%.6f", p.latitude(), p.longitude()))
				.append('\t').append(p.deaths()).append('\t').append(p.deaths()).append("\t0\t")
				.append(p.injuries()).append("\t0.00\t{").append(p.causes().get(0).name())
				.append("}\tORDINARY\tIMPORT\t2017-12-31T00:00:00Z\t2017-12-31T00:00:00Z\n");
			copy.write(line.toString());
		}
		copy.close();
		points.clear(); // only the rows in the database from here on
		long loading = System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			try {
				Connection connection = DataSourceUtils.getConnection(dataSource);
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
						COPY accident (id, accident_number, unit_id, occurred_at, occurred_on, latitude, longitude, deaths,
						  deaths_within_7_days, serious_injuries, minor_injuries, direct_loss, causes, grade, source,
						  created_at, updated_at) FROM STDIN""", java.nio.file.Files.newBufferedReader(file));
				java.nio.file.Files.delete(file);
				connection.createStatement().execute("ANALYZE accident");
				System.out.printf("BENCH black-spots loaded accidents=%d in %.1f s (rolled back afterwards)%n", rows,
						(System.nanoTime() - loading) / 1e9);
				for (int radius : new int[] { 100, 250 }) {
					BlackSpots.Query query = new BlackSpots.Query(DemoStaff.unitId("AN").value(), from,
							from.plusDays(364), radius, 3, false);
					long started = System.nanoTime();
					List<BlackSpots.Point> read = blackSpots.points(query, scope);
					long clustering = System.nanoTime();
					List<BlackSpots.Spot> spots = BlackSpots.cluster(read, radius, 3);
					long done = System.nanoTime();
					System.out.printf("BENCH black-spots query unit=AN year=2017 accidents=%d radius=%d spots=%d "
							+ "time=%.2f s (reading %.2f s, clustering %.2f s)%n", read.size(), radius, spots.size(),
							(done - started) / 1e9, (clustering - started) / 1e9, (done - clustering) / 1e9);
					assertThat(spots).isNotEmpty();
				}
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			status.setRollbackOnly();
		});
	}
}
