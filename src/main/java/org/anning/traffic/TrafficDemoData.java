package org.anning.traffic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.anning.database.DemoMode;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional road-traffic accidents for demo mode: the baseline year 2019 and the two years up to today, a little
 * over a thousand a year (fewer each year, fatal ones most of all, so that the comparison with 2019 tells a story),
 * over a fictional city near latitude 30.27, longitude 120.15 and along its main roads, each at the station
 * nearest to it. A few junctions gather many accidents and form black spots; two recent pairs at 和平路派出所 wait in the
 * duplicate review. Deterministic: a fixed seed, identifiers and numbers from running numbers. History rather than
 * actions: written straight into the tables, without audit entries; one event tells the indicators which units and
 * days it covers. Only in demo mode, and only once.
 */
@Component
@Order(43)
class TrafficDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TrafficDemoData.class);

	static final long SEED = 20_240_305L;

	/** Accidents a year: the baseline year and the years after it. */
	static final int BASELINE_PER_YEAR = 1400;

	static final int RECENT_PER_YEAR = 1150;

	/** A fictional road: name, start and end (latitude, longitude); kilometre markers count from the start. */
	private record Road(String name, double lat1, double lon1, double lat2, double lon2) {

		double length() {
			return BlackSpots.haversine(lat1, lon1, lat2, lon2);
		}
	}

	private static final List<Road> ROADS = List.of(
			new Road("和平路", 30.262, 120.100, 30.262, 120.210),
			new Road("解放路", 30.275, 120.095, 30.275, 120.215),
			new Road("人民路", 30.290, 120.105, 30.288, 120.205),
			new Road("中山路", 30.230, 120.160, 30.320, 120.160),
			new Road("建设路", 30.235, 120.130, 30.315, 120.132),
			new Road("新华路", 30.240, 120.185, 30.310, 120.188),
			new Road("滨江路", 30.225, 120.110, 30.245, 120.220),
			new Road("环城北路", 30.305, 120.100, 30.305, 120.210),
			new Road("绕城高速", 30.215, 120.080, 30.330, 120.235));

	/** Junctions where accidents gather: latitude, longitude, share of all accidents (per mille). */
	private static final double[][] HOTSPOTS = { { 30.275, 120.160, 30 }, { 30.262, 120.132, 22 },
			{ 30.290, 120.186, 18 }, { 30.2395, 120.150, 14 }, { 30.305, 120.160, 12 }, { 30.275, 120.187, 10 } };

	private static final Cause[] CAUSES = Cause.values();

	private static final int[] CAUSE_WEIGHTS = { 18, 9, 8, 24, 4, 12, 5, 20 };

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	private final DemoMode demo;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TrafficDemoData(JdbcTemplate jdbc, Organisation organisation, DemoMode demo, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.demo = demo;
		this.clock = clock;
		this.events = events;
	}

	static UUID idOf(int n) {
		return UUID.nameUUIDFromBytes(("anning-demo-accident:" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.on()) {
			return;
		}
		Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM accident WHERE source = 'DEMO')",
				Boolean.class);
		if (Boolean.TRUE.equals(exists)) {
			return;
		}
		List<Unit> stations = organisation.active().stream().filter(u -> u.level() == UnitLevel.STATION)
			.sorted(java.util.Comparator.comparing(Unit::code)).toList();
		if (stations.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int written = generate(stations);
		announce();
		log.info("Demo accidents created: {} in {} ms", written, (System.nanoTime() - started) / 1_000_000);
	}

	private int generate(List<Unit> stations) {
		Random random = new Random(SEED);
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		OffsetDateTime now = OffsetDateTime.now(clock);
		// Station centres on a grid over the city, in code order, so that each accident has a nearest station.
		double[][] centres = new double[stations.size()][];
		int columns = (int) Math.ceil(Math.sqrt(stations.size()));
		for (int i = 0; i < stations.size(); i++) {
			centres[i] = new double[] { 30.225 + 0.1 * (i / columns + 0.5) / columns,
					120.09 + 0.13 * (i % columns + 0.5) / columns };
		}
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> vehicles = new ArrayList<>();
		int n = 0;
		List<LocalDate[]> spans = new ArrayList<>();
		spans.add(new LocalDate[] { LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31) });
		spans.add(new LocalDate[] { today.minusYears(2).plusDays(1), today.minusYears(1) });
		spans.add(new LocalDate[] { today.minusYears(1).plusDays(1), today.minusDays(1) });
		for (int s = 0; s < spans.size(); s++) {
			LocalDate from = spans.get(s)[0];
			LocalDate to = spans.get(s)[1];
			if (from.isAfter(to)) {
				continue;
			}
			int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
			int perYear = s == 0 ? BASELINE_PER_YEAR : RECENT_PER_YEAR - 80 * (s - 1);
			// Fatal accidents fall faster than the others: 5.5% in 2019, then 4% and 3.2%.
			double fatalShare = s == 0 ? 0.055 : s == 1 ? 0.04 : 0.032;
			int count = (int) Math.round(perYear * days / 365.0);
			for (int k = 0; k < count; k++) {
				n++;
				LocalDate day = from.plusDays(random.nextInt(days));
				int minute = minuteOfDay(random);
				ZonedDateTime at = day.atStartOfDay(zone).plusMinutes(minute);
				if (at.toInstant().isAfter(clock.instant())) {
					at = at.minusDays(1);
				}
				double lat;
				double lon;
				String road;
				BigDecimal km;
				double pick = random.nextDouble() * 1000;
				double[] hotspot = null;
				double cumulative = 0;
				for (double[] h : HOTSPOTS) {
					cumulative += h[2];
					if (pick < cumulative) {
						hotspot = h;
						break;
					}
				}
				if (hotspot != null) {
					lat = hotspot[0] + random.nextGaussian() * 0.0004;
					lon = hotspot[1] + random.nextGaussian() * 0.0005;
					Road nearest = nearestRoad(lat, lon);
					road = nearest.name();
					km = km(nearest, lat, lon);
				}
				else if (random.nextDouble() < 0.8) {
					// Most accidents are spread over the city's many streets, named by the nearest main road.
					lat = 30.215 + random.nextDouble() * 0.115;
					lon = 120.08 + random.nextDouble() * 0.155;
					Road nearest = nearestRoad(lat, lon);
					road = nearest.name();
					km = km(nearest, lat, lon);
				}
				else {
					Road r = ROADS.get(random.nextInt(ROADS.size()));
					double t = random.nextDouble();
					lat = r.lat1() + (r.lat2() - r.lat1()) * t + random.nextGaussian() * 0.0002;
					lon = r.lon1() + (r.lon2() - r.lon1()) * t + random.nextGaussian() * 0.0002;
					road = r.name();
					km = BigDecimal.valueOf(r.length() * t / 1000).setScale(3, java.math.RoundingMode.HALF_UP);
				}
				int station = 0;
				double best = Double.MAX_VALUE;
				for (int i = 0; i < centres.length; i++) {
					double d = BlackSpots.haversine(lat, lon, centres[i][0], centres[i][1]);
					if (d < best) {
						best = d;
						station = i;
					}
				}
				boolean highway = road.equals("绕城高速");
				int deaths = 0;
				if (random.nextDouble() < fatalShare * (highway ? 2 : 1)) {
					double d = random.nextDouble();
					deaths = d < 0.8 ? 1 : d < 0.96 ? 2 : d < 0.995 ? 3 : 4 + random.nextInt(4);
				}
				int serious = random.nextDouble() < 0.25 ? 1 + (random.nextDouble() < 0.2 ? 1 + random.nextInt(3) : 0) : 0;
				int minor = random.nextDouble() < 0.6 ? 1 + random.nextInt(3) : 0;
				double base = Math.exp(Math.log(2500) + random.nextGaussian() * 1.1);
				if (random.nextDouble() < 0.002) {
					base = 10_000_000 + random.nextDouble() * 5_000_000;
				}
				BigDecimal loss = BigDecimal.valueOf(Math.min(base, 50_000_000)).setScale(2, java.math.RoundingMode.HALF_UP);
				Set<String> causes = new TreeSet<>();
				causes.add(cause(random).name());
				if (random.nextDouble() < 0.25) {
					causes.add(cause(random).name());
				}
				AccidentType type = deaths > 0 && random.nextDouble() < 0.45 ? AccidentType.PEDESTRIAN
						: AccidentType.values()[weighted(random, new int[] { 62, 18, 15, 5 })];
				Weather weather = Weather.values()[weighted(random, new int[] { 55, 22, 16, 1, 4, 2 })];
				Light light = minute >= 7 * 60 && minute < 18 * 60 ? Light.DAYLIGHT
						: minute >= 18 * 60 && minute < 19 * 60 || minute >= 6 * 60 && minute < 7 * 60 ? Light.DUSK_OR_DAWN
								: random.nextDouble() < 0.8 ? Light.DARK_LIT : Light.DARK_UNLIT;
				RoadSurface surface = weather == Weather.RAIN ? RoadSurface.WET
						: weather == Weather.SNOW ? RoadSurface.ICY : RoadSurface.DRY;
				UUID id = idOf(n);
				String number = "JTD-%d-%05d".formatted(at.getYear(), n);
				SeverityGrade grade = SeverityGrade.of(deaths, serious, loss);
				rows.add(new Object[] { id, number, stations.get(station).id().value(), Timestamp.from(at.toInstant()),
						java.sql.Date.valueOf(at.toLocalDate()), road, km, BigDecimal.valueOf(lat).setScale(6, java.math.RoundingMode.HALF_UP),
						BigDecimal.valueOf(lon).setScale(6, java.math.RoundingMode.HALF_UP), type.name(), deaths, deaths,
						serious, minor, loss, String.join(",", causes), weather.name(), light.name(), surface.name(),
						grade.name(), Timestamp.from(now.toInstant()) });
				int involved = type == AccidentType.SINGLE_VEHICLE || type == AccidentType.PEDESTRIAN ? 1
						: 2 + (random.nextDouble() < 0.15 ? 1 : 0);
				int[] kinds = new int[VehicleType.values().length];
				for (int v = 0; v < involved; v++) {
					kinds[weighted(random, new int[] { 55, 10, 4, 6, 20, 3, 2 })]++;
				}
				for (int v = 0; v < kinds.length; v++) {
					if (kinds[v] > 0) {
						vehicles.add(new Object[] { id, VehicleType.values()[v].name(), kinds[v] });
					}
				}
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO accident (id, accident_number, unit_id, occurred_at, occurred_on, road, km_marker, latitude,
				  longitude, accident_type, deaths, deaths_within_7_days, serious_injuries, minor_injuries, direct_loss,
				  causes, weather, light, road_surface, grade, source, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, 'DEMO', ?, ?)""",
				rows.stream().map(r -> {
					Object[] full = java.util.Arrays.copyOf(r, r.length + 1);
					full[r.length] = r[r.length - 1];
					return full;
				}).toList());
		jdbc.batchUpdate("INSERT INTO accident_vehicle (accident_id, vehicle_type, vehicles) VALUES (?, ?, ?)", vehicles);
		flagPairs(stations, n, now, zone, random);
		return rows.size() + 2;
	}

	/** Two recent accidents at the demo desk, each recorded twice by mistake, waiting in the duplicate review. */
	private void flagPairs(List<Unit> stations, int last, OffsetDateTime now, ZoneId zone, Random random) {
		Unit desk = stations.stream().filter(u -> u.code().equals("AN-DC-01")).findFirst().orElse(stations.get(0));
		List<UUID> originals = jdbc.queryForList("""
				SELECT id FROM accident WHERE source = 'DEMO' AND unit_id = ? AND occurred_on >= ?
				ORDER BY occurred_at DESC, accident_number LIMIT 2""", UUID.class, desk.id().value(),
				java.sql.Date.valueOf(LocalDate.now(clock).minusDays(20)));
		int n = last;
		for (UUID original : originals) {
			n++;
			UUID id = idOf(n);
			jdbc.update("""
					INSERT INTO accident (id, accident_number, unit_id, occurred_at, occurred_on, road, km_marker, latitude,
					  longitude, accident_type, deaths, deaths_within_7_days, serious_injuries, minor_injuries, direct_loss,
					  causes, weather, light, road_surface, grade, duplicate_status, duplicate_of, source, created_at,
					  updated_at)
					SELECT ?, 'JTD-' || extract(year FROM occurred_at AT TIME ZONE ?)::int || '-' || lpad(?::text, 5, '0'),
					  unit_id, occurred_at + INTERVAL '25 minutes', occurred_on, road, km_marker, latitude + 0.0004,
					  longitude - 0.0003, accident_type, deaths, deaths_within_7_days, serious_injuries, minor_injuries,
					  direct_loss, causes, weather, light, road_surface, grade, 'FLAGGED', id, 'DEMO', ?, ?
					FROM accident WHERE id = ? AND occurred_at + INTERVAL '25 minutes' <= ?""", id, zone.getId(), n,
					Timestamp.from(now.toInstant()), Timestamp.from(now.toInstant()), original,
					Timestamp.from(now.toInstant()));
		}
	}

	/** Tells other modules (the indicators' rollups) which units and days the demo accidents cover. */
	private void announce() {
		var span = jdbc.queryForMap("""
				SELECT array_agg(DISTINCT unit_id)::text[] AS units, min(occurred_on) AS lo, max(occurred_on) AS hi
				FROM accident WHERE source = 'DEMO'""");
		Set<UUID> units = new TreeSet<>();
		try {
			java.sql.Array array = (java.sql.Array) span.get("units");
			if (array != null) {
				for (String unit : (String[]) array.getArray()) {
					units.add(UUID.fromString(unit));
				}
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		java.sql.Date lo = (java.sql.Date) span.get("lo");
		java.sql.Date hi = (java.sql.Date) span.get("hi");
		events.publishEvent(new Events.AccidentsImported(null, units, lo == null ? null : lo.toLocalDate(),
				hi == null ? null : hi.toLocalDate()));
	}

	/** A minute of the day, with the morning and evening rush hours most likely. */
	private static int minuteOfDay(Random random) {
		double p = random.nextDouble();
		if (p < 0.22) {
			return Math.floorMod((int) (7.5 * 60 + random.nextGaussian() * 50), 1440);
		}
		if (p < 0.47) {
			return Math.floorMod((int) (17.75 * 60 + random.nextGaussian() * 60), 1440);
		}
		return random.nextInt(1440);
	}

	private static Road nearestRoad(double lat, double lon) {
		Road best = ROADS.get(0);
		double distance = Double.MAX_VALUE;
		for (Road r : ROADS) {
			// distance to the segment, on a local flat projection (good enough at a few kilometres)
			double kx = Math.cos(Math.toRadians(lat));
			double ax = r.lon1() * kx;
			double ay = r.lat1();
			double bx = r.lon2() * kx;
			double by = r.lat2();
			double px = lon * kx;
			double t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (lat - ay) * (by - ay))
					/ ((bx - ax) * (bx - ax) + (by - ay) * (by - ay))));
			double dx = px - (ax + t * (bx - ax));
			double dy = lat - (ay + t * (by - ay));
			double d = dx * dx + dy * dy;
			if (d < distance) {
				distance = d;
				best = r;
			}
		}
		return best;
	}

	private static BigDecimal km(Road r, double lat, double lon) {
		double along = Math.min(BlackSpots.haversine(r.lat1(), r.lon1(), lat, lon), r.length());
		return BigDecimal.valueOf(along / 1000).setScale(3, java.math.RoundingMode.HALF_UP);
	}

	private static Cause cause(Random random) {
		return CAUSES[weighted(random, CAUSE_WEIGHTS)];
	}

	private static int weighted(Random random, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int pick = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			pick -= weights[i];
			if (pick < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}
}
