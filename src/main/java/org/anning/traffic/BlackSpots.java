package org.anning.traffic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.anning.units.UnitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Black spots (事故多发点段): accidents of a unit (with its subtree) and a period grouped by single linkage, two
 * accidents being in one group when a chain of accidents at most R metres apart (haversine) joins them; groups of
 * at least N accidents are spots. The pairs within R are found through a grid of cells R metres wide, so that only
 * accidents in neighbouring cells are compared, and joined with union-find: near-linear, not quadratic, in the
 * number of accidents. Merged duplicates do not count.
 */
@Service
@Transactional(readOnly = true)
public class BlackSpots {

	/** Mean Earth radius in metres, as the haversine formula here and in the database uses it. */
	static final double EARTH_RADIUS = 6_371_008.8;

	public static final int DEFAULT_RADIUS = 250;

	public static final int DEFAULT_MIN_ACCIDENTS = 3;

	/** How many causes a spot names as its main ones. */
	static final int MAIN_CAUSES = 3;

	private static final Cause[] CAUSES = Cause.values();

	private static final java.util.Map<String, Cause> CAUSES_BY_NAME = java.util.Arrays.stream(CAUSES)
		.collect(java.util.stream.Collectors.toMap(Cause::name, c -> c));

	private final JdbcClient jdbc;

	private final Accidents accidents;

	BlackSpots(javax.sql.DataSource dataSource, Accidents accidents) {
		// A year of a large city's accidents is read in batches through a cursor, not all at once.
		var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		template.setFetchSize(10_000);
		this.jdbc = JdbcClient.create(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(template));
		this.accidents = accidents;
	}

	/** An accident as the clustering sees it. */
	public record Point(String number, double latitude, double longitude, int deaths, int injuries, List<Cause> causes) {
	}

	/** A spot: its centre (mean coordinates), its accidents' numbers, deaths, injuries and main causes. */
	public record Spot(double latitude, double longitude, int accidentCount, List<String> accidents, int deaths,
			int injuries, List<Cause> mainCauses) {
	}

	/** The question: a unit of the scope (null: the whole scope), a period, a radius, a minimum, fatal only. */
	public record Query(UUID unit, LocalDate from, LocalDate to, double radius, int minAccidents, boolean fatalOnly) {
	}

	/** The spots of the query's accidents in the scope, largest first. */
	public List<Spot> find(Query query, UnitScope scope) {
		return cluster(points(query, scope), query.radius(), query.minAccidents());
	}

	/**
	 * The query's accidents in the scope (merged duplicates left out), as the clustering sees them, in no particular
	 * order: the spots come out the same whatever the order.
	 */
	public List<Point> points(Query query, UnitScope scope) {
		UUID[] units = accidents.units(scope, query.unit());
		List<Point> points = new ArrayList<>();
		jdbc.sql("""
				SELECT accident_number, latitude, longitude, deaths, serious_injuries + minor_injuries,
				  array_to_string(causes, ',') FROM accident
				WHERE unit_id = ANY(:u) AND occurred_on BETWEEN :from AND :to
				  AND duplicate_status IS DISTINCT FROM 'MERGED' AND (NOT :fatal OR deaths > 0)""")
			.param("u", units).param("from", query.from()).param("to", query.to()).param("fatal", query.fatalOnly())
			.query(rs -> {
				List<Cause> causes = new ArrayList<>(2);
				for (String code : rs.getString(6).split(",")) {
					Cause cause = code.isEmpty() ? null : CAUSES_BY_NAME.get(code);
					if (cause != null) {
						causes.add(cause);
					}
				}
				points.add(new Point(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
						causes));
			});
		return points;
	}

	/** The spots among {@code points}: single linkage within {@code radius} metres, at least {@code min} accidents. */
	public static List<Spot> cluster(List<Point> points, double radius, int min) {
		int n = points.size();
		if (n == 0 || radius <= 0) {
			return List.of();
		}
		double[] latitude = new double[n];
		double[] longitude = new double[n];
		double[] cosine = new double[n];
		double maxAbsLatitude = 0;
		for (int i = 0; i < n; i++) {
			Point p = points.get(i);
			latitude[i] = Math.toRadians(p.latitude());
			longitude[i] = Math.toRadians(p.longitude());
			cosine[i] = Math.cos(latitude[i]);
			maxAbsLatitude = Math.max(maxAbsLatitude, Math.abs(p.latitude()));
		}
		// Cells radius metres high; wide enough at the highest latitude of the data, where a degree of longitude
		// is shortest, so that any two points within radius lie in the same or neighbouring cells.
		double metresPerDegree = Math.toRadians(1) * EARTH_RADIUS;
		double cellLatitude = radius / metresPerDegree;
		double cellLongitude = radius / (metresPerDegree * Math.cos(Math.toRadians(Math.min(maxAbsLatitude
				+ cellLatitude, 89.9))));
		Cells cells = new Cells(n);
		int[] cellOf = new int[n];
		for (int i = 0; i < n; i++) {
			Point p = points.get(i);
			cellOf[i] = cells.add((long) Math.floor(p.latitude() / cellLatitude),
					(long) Math.floor(p.longitude() / cellLongitude));
		}
		// counting sort of the points by cell: the members of cell c are order[start[c] .. start[c + 1])
		int[] start = new int[cells.size() + 1];
		for (int i = 0; i < n; i++) {
			start[cellOf[i] + 1]++;
		}
		for (int c = 0; c < cells.size(); c++) {
			start[c + 1] += start[c];
		}
		int[] order = new int[n];
		int[] next = java.util.Arrays.copyOf(start, start.length);
		for (int i = 0; i < n; i++) {
			order[next[cellOf[i]]++] = i;
		}
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		// Squared central angles: a cheap flat-Earth estimate decides unless it is within a hair of the radius,
		// when the haversine does.
		double angle = radius / EARTH_RADIUS;
		double surelyIn = Math.pow(angle * (1 - 1e-6), 2);
		double surelyOut = Math.pow(angle * (1 + 1e-6), 2);
		for (int c = 0; c < cells.size(); c++) {
			long row = cells.row(c);
			long column = cells.column(c);
			for (long dr = 0; dr <= 1; dr++) {
				for (long dc = -1; dc <= 1; dc++) {
					if (dr == 0 && dc < 0) {
						continue; // each pair of neighbouring cells once
					}
					int other = dr == 0 && dc == 0 ? c : cells.find(row + dr, column + dc);
					if (other < 0) {
						continue;
					}
					for (int a = start[c]; a < start[c + 1]; a++) {
						int i = order[a];
						for (int b = other == c ? a + 1 : start[other]; b < start[other + 1]; b++) {
							int j = order[b];
							if (find(parent, i) == find(parent, j)) {
								continue;
							}
							double dLat = latitude[j] - latitude[i];
							double dLon = longitude[j] - longitude[i];
							double flat = dLat * dLat + cosine[i] * cosine[j] * dLon * dLon;
							if (flat > surelyOut) {
								continue;
							}
							if (flat < surelyIn || haversine(points.get(i).latitude(), points.get(i).longitude(),
									points.get(j).latitude(), points.get(j).longitude()) <= radius) {
								union(parent, i, j);
							}
						}
					}
				}
			}
		}
		// the members of each group large enough, by a counting sort on the group's root
		int[] sizes = new int[n];
		int[] root = new int[n];
		for (int i = 0; i < n; i++) {
			root[i] = find(parent, i);
			sizes[root[i]]++;
		}
		int least = Math.max(1, min);
		int[] first = new int[n];
		int kept = 0;
		for (int i = 0; i < n; i++) {
			if (sizes[i] >= least) {
				first[i] = kept;
				kept += sizes[i];
			}
		}
		int[] members = new int[kept];
		int[] fill = first.clone();
		for (int i = 0; i < n; i++) {
			if (sizes[root[i]] >= least) {
				members[fill[root[i]]++] = i;
			}
		}
		List<Spot> spots = new ArrayList<>();
		for (int r = 0; r < n; r++) {
			if (sizes[r] >= least) {
				spots.add(spot(points, members, first[r], sizes[r]));
			}
		}
		spots.sort(Comparator.comparingInt(Spot::accidentCount).reversed()
			.thenComparing(Comparator.comparingInt(Spot::deaths).reversed())
			.thenComparing(s -> s.accidents().get(0)));
		return spots;
	}

	/** The occupied grid cells, numbered in the order they were first seen: an open-addressing hash of (row, column). */
	private static final class Cells {

		private long[] rows;

		private long[] columns;

		private int[] table;

		private int size;

		Cells(int expected) {
			int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
			table = new int[capacity];
			java.util.Arrays.fill(table, -1);
			rows = new long[Math.max(16, expected)];
			columns = new long[Math.max(16, expected)];
		}

		int size() {
			return size;
		}

		long row(int cell) {
			return rows[cell];
		}

		long column(int cell) {
			return columns[cell];
		}

		/** The cell's number, or -1 when no point lies in it. */
		int find(long row, long column) {
			int mask = table.length - 1;
			for (int slot = hash(row, column) & mask;; slot = (slot + 1) & mask) {
				int cell = table[slot];
				if (cell < 0) {
					return -1;
				}
				if (rows[cell] == row && columns[cell] == column) {
					return cell;
				}
			}
		}

		/** The cell's number, adding it when it is new. */
		int add(long row, long column) {
			int mask = table.length - 1;
			for (int slot = hash(row, column) & mask;; slot = (slot + 1) & mask) {
				int cell = table[slot];
				if (cell < 0) {
					table[slot] = size;
					rows[size] = row;
					columns[size] = column;
					return size++;
				}
				if (rows[cell] == row && columns[cell] == column) {
					return cell;
				}
			}
		}

		private static int hash(long row, long column) {
			long h = (row * 0x9E3779B97F4A7C15L) ^ (column * 0xC2B2AE3D27D4EB4FL);
			return (int) (h ^ (h >>> 29) ^ (h >>> 47));
		}
	}

	private static Spot spot(List<Point> points, int[] members, int from, int size) {
		double latitude = 0;
		double longitude = 0;
		int deaths = 0;
		int injuries = 0;
		int[] causes = new int[CAUSES.length];
		List<String> numbers = new ArrayList<>(size);
		for (int m = from; m < from + size; m++) {
			Point p = points.get(members[m]);
			latitude += p.latitude();
			longitude += p.longitude();
			deaths += p.deaths();
			injuries += p.injuries();
			numbers.add(p.number());
			for (Cause c : p.causes()) {
				causes[c.ordinal()]++;
			}
		}
		numbers.sort(null);
		// the most frequent causes, ties by code
		List<Cause> main = new ArrayList<>(MAIN_CAUSES);
		boolean[] taken = new boolean[CAUSES.length];
		while (main.size() < MAIN_CAUSES) {
			int best = -1;
			for (int c = 0; c < CAUSES.length; c++) {
				if (!taken[c] && causes[c] > 0 && (best < 0 || causes[c] > causes[best]
						|| causes[c] == causes[best] && CAUSES[c].name().compareTo(CAUSES[best].name()) < 0)) {
					best = c;
				}
			}
			if (best < 0) {
				break;
			}
			taken[best] = true;
			main.add(CAUSES[best]);
		}
		return new Spot(round(latitude / size), round(longitude / size), size, numbers, deaths, injuries,
				List.copyOf(main));
	}

	/** Great-circle distance in metres between two points given in degrees. */
	public static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int a, int b) {
		int ra = find(parent, a);
		int rb = find(parent, b);
		if (ra != rb) {
			parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}
}
