package org.anning.traffic;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.anning.audit.Actor;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Accidents and what happens to them: recording (with the grade derived and a possible duplicate flagged), the
 * update of deaths up to 30 days after the accident, and the duplicate review (merge or dismiss). Every action
 * takes the caller's unit scope: an accident outside it is not found. Times are read and shown in the bureau's
 * zone, the one of the application's clock, never the machine's.
 */
@Service
@Transactional
public class Accidents {

	/** Deaths may be updated up to this many days after the accident. */
	public static final int DEATHS_UPDATE_DAYS = 30;

	/** Deaths known within this many days of the accident are its deaths within 7 days. */
	public static final int DEATHS_COUNTED_DAYS = 7;

	/** A new accident within this distance (metres) and time of another is flagged as a possible duplicate. */
	public static final double DUPLICATE_METRES = 200;

	public static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofHours(2);

	static final int PEOPLE_MAX = 10_000;

	static final BigDecimal LOSS_MAX = new BigDecimal("99999999999999.99");

	static final String COLUMNS = """
			a.id, a.accident_number, a.unit_id, a.occurred_at, a.occurred_on, a.road, a.km_marker, a.latitude,
			a.longitude, a.accident_type, a.deaths, a.deaths_within_7_days, a.serious_injuries, a.minor_injuries,
			a.direct_loss, a.causes::text[] AS causes, a.weather, a.light, a.road_surface, a.grade,
			a.duplicate_status, a.duplicate_of, a.source, a.version""";

	private final JdbcClient jdbc;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Accidents(JdbcClient jdbc, Organisation organisation, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Now in the bureau's zone, to the minute: what a new accident's time field starts with. */
	public LocalDateTime now() {
		return LocalDateTime.now(clock).withSecond(0).withNano(0);
	}

	/** Records an accident in a unit of the scope (the acting unit when none is named). */
	public Accident record(NewAccident draft, UUID actingUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID unit = unit(draft.unit(), actingUnit, scope, problems);
		OffsetDateTime occurredAt = time("occurredAt", draft.occurredAt(), problems);
		String road = text(problems, "road", draft.road(), 100);
		BigDecimal km = null;
		if (StringUtils.hasText(draft.kmMarker())) {
			try {
				km = new BigDecimal(draft.kmMarker().strip());
				if (km.signum() < 0 || km.scale() > 3 || km.compareTo(new BigDecimal("999999")) > 0) {
					throw new NumberFormatException();
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("kmMarker", "traffic.accident.kmMarker.invalid"));
				km = null;
			}
		}
		Double latitude = coordinate(problems, "latitude", draft.latitude(), 90);
		Double longitude = coordinate(problems, "longitude", draft.longitude(), 180);
		AccidentType type = null;
		if (!StringUtils.hasText(draft.type()) || (type = AccidentType.parse(draft.type())) == null) {
			problems.add(new FieldProblem("type", "traffic.accident.type.required"));
		}
		int deaths = people(problems, "deaths", draft.deaths());
		int serious = people(problems, "seriousInjuries", draft.seriousInjuries());
		int minor = people(problems, "minorInjuries", draft.minorInjuries());
		BigDecimal loss = amount(problems, "directLoss", draft.directLoss());
		Set<Cause> causes = new TreeSet<>();
		if (draft.causes() != null) {
			for (String code : draft.causes()) {
				if (!StringUtils.hasText(code)) {
					continue;
				}
				Cause cause = Cause.parse(code);
				if (cause == null) {
					problems.add(new FieldProblem("causes", "traffic.accident.cause.unknown", code.strip()));
				}
				else {
					causes.add(cause);
				}
			}
		}
		Map<VehicleType, Integer> vehicles = new EnumMap<>(VehicleType.class);
		if (draft.vehicles() != null) {
			for (var e : draft.vehicles().entrySet()) {
				if (!StringUtils.hasText(e.getValue())) {
					continue;
				}
				VehicleType vehicle = VehicleType.parse(e.getKey());
				String field = "vehicles";
				if (vehicle == null) {
					problems.add(new FieldProblem("vehicles", "traffic.accident.vehicle.unknown", e.getKey()));
					continue;
				}
				int n = people(problems, field, e.getValue());
				if (n > 0) {
					vehicles.put(vehicle, n);
				}
			}
		}
		Weather weather = optional(problems, "weather", draft.weather(), Weather::parse);
		Light light = optional(problems, "light", draft.light(), Light::parse);
		RoadSurface surface = optional(problems, "surface", draft.surface(), RoadSurface::parse);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String number = "JT-%d-%06d".formatted(occurredAt.getYear(),
				jdbc.sql("SELECT nextval('accident_number_seq')").query(Long.class).single());
		for (int tries = 0; exists(number) && tries < 100; tries++) {
			number = "JT-%d-%06d".formatted(occurredAt.getYear(),
					jdbc.sql("SELECT nextval('accident_number_seq')").query(Long.class).single());
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<UUID> duplicate = nearby(id, occurredAt, latitude, longitude);
		SeverityGrade grade = SeverityGrade.of(deaths, serious, loss);
		jdbc.sql("""
				INSERT INTO accident (id, accident_number, unit_id, occurred_at, occurred_on, road, km_marker, latitude,
				  longitude, accident_type, deaths, deaths_within_7_days, serious_injuries, minor_injuries, direct_loss,
				  causes, weather, light, road_surface, grade, duplicate_status, duplicate_of, source, created_at,
				  updated_at)
				VALUES (:id, :number, :unit, :at, :on, :road, :km, :lat, :lon, :type, :deaths, :deaths, :serious, :minor,
				  :loss, CAST(:causes AS varchar[]), :weather, :light, :surface, :grade, :dup, :dupOf, 'DESK', :now, :now)""")
			.param("id", id).param("number", number).param("unit", unit).param("at", occurredAt)
			.param("on", occurredAt.atZoneSameInstant(zone()).toLocalDate()).param("road", road).param("km", km)
			.param("lat", latitude).param("lon", longitude).param("type", type.name()).param("deaths", deaths)
			.param("serious", serious).param("minor", minor).param("loss", loss)
			.param("causes", causes.stream().map(Enum::name).toArray(String[]::new))
			.param("weather", name(weather)).param("light", name(light)).param("surface", name(surface))
			.param("grade", grade.name()).param("dup", duplicate.isPresent() ? DuplicateStatus.FLAGGED.name() : null)
			.param("dupOf", duplicate.orElse(null)).param("now", now)
			.update();
		for (var v : vehicles.entrySet()) {
			jdbc.sql("INSERT INTO accident_vehicle (accident_id, vehicle_type, vehicles) VALUES (?, ?, ?)")
				.params(id, v.getKey().name(), v.getValue()).update();
		}
		audit.record(AuditEntry.of(AuditAction.CREATE, "accident", number)
			.detail(duplicate.isPresent() ? "flagged as a possible duplicate" : null));
		events.publishEvent(new Events.AccidentRecorded(id, unit));
		return find(id).orElseThrow();
	}

	/** An accident of a unit in the scope; anything else is not found. */
	@Transactional(readOnly = true)
	public Accident get(String number, UnitScope scope) {
		return byNumber(number == null ? "" : number.strip())
			.filter(a -> scope.covers(new UnitId(a.unit())))
			.orElseThrow(() -> new NotFoundException("accident"));
	}

	/** Any accident by identifier, without scope: for other modules' listeners, never for staff access. */
	@Transactional(readOnly = true)
	public Optional<Accident> find(UUID id) {
		return one("a.id = :key", id);
	}

	/** A filter of the accident list; null values do not filter. */
	public record Filter(UUID unit, LocalDate from, LocalDate to, SeverityGrade grade, DuplicateStatus duplicate,
			String road) {
	}

	/** Accidents of the scope (or of one unit of it with its subtree), newest first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Accident> list(UnitScope scope, Filter filter, int limit) {
		StringBuilder where = new StringBuilder("a.unit_id = ANY(:u)");
		var units = units(scope, filter.unit());
		if (filter.from() != null) {
			where.append(" AND a.occurred_on >= :from");
		}
		if (filter.to() != null) {
			where.append(" AND a.occurred_on <= :to");
		}
		if (filter.grade() != null) {
			where.append(" AND a.grade = :grade");
		}
		if (filter.duplicate() != null) {
			where.append(" AND a.duplicate_status = :dup");
		}
		if (StringUtils.hasText(filter.road())) {
			where.append(" AND a.road ILIKE :road");
		}
		var spec = jdbc.sql("SELECT " + COLUMNS + " FROM accident a WHERE " + where
				+ " ORDER BY a.occurred_at DESC, a.accident_number LIMIT :limit")
			.param("u", units)
			.param("limit", Math.max(1, Math.min(limit, 1000)));
		if (filter.from() != null) {
			spec = spec.param("from", filter.from());
		}
		if (filter.to() != null) {
			spec = spec.param("to", filter.to());
		}
		if (filter.grade() != null) {
			spec = spec.param("grade", filter.grade().name());
		}
		if (filter.duplicate() != null) {
			spec = spec.param("dup", filter.duplicate().name());
		}
		if (StringUtils.hasText(filter.road())) {
			spec = spec.param("road", "%" + filter.road().strip().replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		return spec.query((rs, n) -> map(rs, Map.of())).list();
	}

	/** The units of the scope, or of one unit of it and its subtree; a unit outside the scope is not found. */
	@Transactional(readOnly = true)
	public UUID[] units(UnitScope scope, UUID unit) {
		if (unit == null) {
			return scope.ids();
		}
		if (!scope.covers(new UnitId(unit))) {
			throw new NotFoundException("unit");
		}
		return organisation.subtree(new UnitId(unit)).stream().filter(scope::covers).map(UnitId::value)
			.toArray(UUID[]::new);
	}

	/** A unit of the scope by its code; a code unknown or outside the scope is not found. */
	@Transactional(readOnly = true)
	public Unit unit(String code, UnitScope scope) {
		return organisation.findByCode(code == null ? "" : code.strip())
			.filter(u -> scope.covers(u.id()))
			.orElseThrow(() -> new NotFoundException("unit"));
	}

	/**
	 * Updates the deaths of an accident, up to 30 days after it (later is refused); deaths known within 7 days of the
	 * accident are also its deaths within 7 days. Each update is kept with the day it was made.
	 */
	public Accident updateDeaths(String number, String deaths, UnitScope scope) {
		Accident a = get(number, scope);
		List<FieldProblem> problems = new ArrayList<>();
		int count = people(problems, "deaths", deaths);
		if (!StringUtils.hasText(deaths)) {
			problems.add(new FieldProblem("deaths", "traffic.accident.deaths.required"));
		}
		LocalDate today = today();
		if (today.isAfter(a.deathsUpdatableUntil())) {
			problems.add(new FieldProblem("deaths", "traffic.accident.deaths.tooLate", DEATHS_UPDATE_DAYS,
					a.deathsUpdatableUntil().toString()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean within7 = !today.isAfter(a.occurredOn().plusDays(DEATHS_COUNTED_DAYS));
		SeverityGrade grade = SeverityGrade.of(count, a.seriousInjuries(), a.directLoss());
		OffsetDateTime now = OffsetDateTime.now(clock);
		int changed = jdbc.sql("""
				UPDATE accident SET deaths = :deaths, deaths_within_7_days = CASE WHEN :within7 THEN :deaths
				  ELSE deaths_within_7_days END, grade = :grade, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("deaths", count).param("within7", within7).param("grade", grade.name()).param("now", now)
			.param("id", a.id()).param("version", a.version())
			.update();
		if (changed == 0) {
			throw new ConflictException("traffic.accident.changed");
		}
		jdbc.sql("""
				INSERT INTO accident_deaths_update (id, accident_id, updated_on, deaths_before, deaths, recorded_at,
				  recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), a.id(), today, a.deaths(), count, now, Actor.current().id())
			.update();
		audit.record(AuditEntry.of(AuditAction.UPDATE, "accident", a.number())
			.detail("deaths " + a.deaths() + " -> " + count));
		events.publishEvent(new Events.AccidentChanged(a.id(), a.unit()));
		return find(a.id()).orElseThrow();
	}

	/** An update of the deaths: the day it was made, the deaths before and after. */
	public record DeathsUpdate(LocalDate on, int before, int after, OffsetDateTime recordedAt) {
	}

	@Transactional(readOnly = true)
	public List<DeathsUpdate> deathsUpdates(Accident a) {
		return jdbc.sql("""
				SELECT updated_on, deaths_before, deaths, recorded_at FROM accident_deaths_update
				WHERE accident_id = ? ORDER BY recorded_at""")
			.param(a.id())
			.query((rs, n) -> new DeathsUpdate(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(zone()).toOffsetDateTime()))
			.list();
	}

	// ---- Duplicates

	/** A flagged accident and the one it may repeat (null when that one is outside the scope). */
	public record DuplicatePair(Accident flagged, Accident other, double metres, long minutes) {
	}

	/** Flagged accidents of the scope awaiting review, oldest first. */
	@Transactional(readOnly = true)
	public List<DuplicatePair> flagged(UnitScope scope, int limit) {
		List<Accident> flagged = jdbc.sql("SELECT " + COLUMNS
				+ " FROM accident a WHERE a.unit_id = ANY(:u) AND a.duplicate_status = 'FLAGGED'"
				+ " ORDER BY a.occurred_at, a.accident_number LIMIT :limit")
			.param("u", scope.ids()).param("limit", Math.max(1, Math.min(limit, 1000)))
			.query((rs, n) -> map(rs, Map.of())).list();
		return flagged.stream().map(a -> pair(a, scope)).toList();
	}

	/** How many accidents of the scope await the duplicate review. */
	@Transactional(readOnly = true)
	public long flaggedCount(UnitScope scope) {
		return jdbc.sql("SELECT count(*) FROM accident WHERE unit_id = ANY(:u) AND duplicate_status = 'FLAGGED'")
			.param("u", scope.ids()).query(Long.class).single();
	}

	/** The side-by-side review of one flagged (or reviewed) accident. */
	@Transactional(readOnly = true)
	public DuplicatePair review(String number, UnitScope scope) {
		Accident a = get(number, scope);
		if (a.duplicateOf() == null) {
			throw new NotFoundException("duplicate");
		}
		return pair(a, scope);
	}

	/** Merges a flagged accident into the one it repeats: it is kept, marked merged, and stops counting. */
	public Accident merge(String number, UnitScope scope) {
		return review(number, scope, DuplicateStatus.MERGED);
	}

	/** Dismisses the flag: the accident is a separate one and keeps counting. */
	public Accident dismiss(String number, UnitScope scope) {
		return review(number, scope, DuplicateStatus.DISMISSED);
	}

	private Accident review(String number, UnitScope scope, DuplicateStatus outcome) {
		Accident a = get(number, scope);
		if (a.duplicateStatus() != DuplicateStatus.FLAGGED) {
			throw new ConflictException("traffic.duplicate.notFlagged");
		}
		int changed = jdbc.sql("""
				UPDATE accident SET duplicate_status = :status, reviewed_at = :now, reviewed_by = :by, updated_at = :now,
				  version = version + 1
				WHERE id = :id AND version = :version AND duplicate_status = 'FLAGGED'""")
			.param("status", outcome.name()).param("now", OffsetDateTime.now(clock)).param("by", Actor.current().id())
			.param("id", a.id()).param("version", a.version())
			.update();
		if (changed == 0) {
			throw new ConflictException("traffic.accident.changed");
		}
		audit.record(AuditEntry.of(AuditAction.UPDATE, "accident", a.number()).detail("duplicate " + outcome.name()));
		events.publishEvent(new Events.AccidentChanged(a.id(), a.unit()));
		return find(a.id()).orElseThrow();
	}

	private DuplicatePair pair(Accident a, UnitScope scope) {
		Accident other = a.duplicateOf() == null ? null
				: find(a.duplicateOf()).filter(o -> scope.covers(new UnitId(o.unit()))).orElse(null);
		double metres = other == null ? -1
				: Math.round(BlackSpots.haversine(a.latitude(), a.longitude(), other.latitude(), other.longitude()));
		long minutes = other == null ? -1
				: Math.abs(java.time.Duration.between(a.occurredAt(), other.occurredAt()).toMinutes());
		return new DuplicatePair(a, other, metres, minutes);
	}

	/** The nearest counted accident within 200 m and 2 hours, if any. */
	private Optional<UUID> nearby(UUID self, OffsetDateTime at, double latitude, double longitude) {
		return jdbc.sql("""
				SELECT id FROM accident
				WHERE occurred_at BETWEEN :from AND :to AND id <> :self AND duplicate_status IS DISTINCT FROM 'MERGED'
				  AND latitude BETWEEN :lat - 0.01 AND :lat + 0.01
				  AND traffic_distance_m(latitude, longitude, :lat, :lon) <= :metres
				ORDER BY traffic_distance_m(latitude, longitude, :lat, :lon), occurred_at LIMIT 1""")
			.param("from", at.minus(DUPLICATE_WINDOW)).param("to", at.plus(DUPLICATE_WINDOW)).param("self", self)
			.param("lat", latitude).param("lon", longitude).param("metres", DUPLICATE_METRES)
			.query(UUID.class).optional();
	}

	// ---- Reading rows

	private boolean exists(String number) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accident WHERE accident_number = ?)").param(number)
			.query(Boolean.class).single();
	}

	private Optional<Accident> byNumber(String number) {
		return one("a.accident_number = :key", number);
	}

	private Optional<Accident> one(String where, Object key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM accident a WHERE " + where).param("key", key)
			.query((rs, n) -> map(rs, vehicles((UUID) rs.getObject("id", UUID.class))))
			.optional();
	}

	private Map<VehicleType, Integer> vehicles(UUID id) {
		Map<VehicleType, Integer> vehicles = new EnumMap<>(VehicleType.class);
		jdbc.sql("SELECT vehicle_type, vehicles FROM accident_vehicle WHERE accident_id = ?").param(id)
			.query(rs -> {
				VehicleType type = VehicleType.parse(rs.getString(1));
				if (type != null) {
					vehicles.put(type, rs.getInt(2));
				}
			});
		return vehicles;
	}

	private Accident map(ResultSet rs, Map<VehicleType, Integer> vehicles) throws SQLException {
		Set<Cause> causes = new TreeSet<>();
		java.sql.Array array = rs.getArray("causes");
		if (array != null) {
			for (String code : (String[]) array.getArray()) {
				Cause cause = Cause.parse(code);
				if (cause != null) {
					causes.add(cause);
				}
			}
		}
		String dup = rs.getString("duplicate_status");
		return new Accident(rs.getObject("id", UUID.class), rs.getString("accident_number"),
				rs.getObject("unit_id", UUID.class),
				rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(zone()).toOffsetDateTime(),
				rs.getDate("occurred_on").toLocalDate(), rs.getString("road"), rs.getBigDecimal("km_marker"),
				rs.getDouble("latitude"), rs.getDouble("longitude"), AccidentType.parse(rs.getString("accident_type")),
				rs.getInt("deaths"), rs.getInt("deaths_within_7_days"), rs.getInt("serious_injuries"),
				rs.getInt("minor_injuries"), rs.getBigDecimal("direct_loss").setScale(2), Set.copyOf(causes),
				Map.copyOf(vehicles), Weather.parse(rs.getString("weather")), Light.parse(rs.getString("light")),
				RoadSurface.parse(rs.getString("road_surface")), SeverityGrade.valueOf(rs.getString("grade")),
				dup == null ? null : DuplicateStatus.valueOf(dup), rs.getObject("duplicate_of", UUID.class),
				rs.getString("source"), rs.getInt("version"));
	}

	// ---- Checking input

	private UUID unit(String code, UUID acting, UnitScope scope, List<FieldProblem> problems) {
		if (!StringUtils.hasText(code)) {
			if (acting != null && scope.covers(new UnitId(acting))) {
				return acting;
			}
			problems.add(new FieldProblem("unit", "traffic.accident.unit.required"));
			return null;
		}
		Unit unit = organisation.findByCode(code.strip()).filter(u -> scope.covers(u.id())).filter(Unit::active)
			.orElse(null);
		if (unit == null) {
			problems.add(new FieldProblem("unit", "traffic.accident.unit.required"));
			return null;
		}
		return unit.id().value();
	}

	/** A time with an offset, or a local one read in the bureau's zone; not in the future. */
	OffsetDateTime time(String field, String value, List<FieldProblem> problems) {
		if (!StringUtils.hasText(value)) {
			problems.add(new FieldProblem(field, "traffic.accident.occurredAt.required"));
			return null;
		}
		String text = value.strip();
		OffsetDateTime at;
		try {
			at = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			try {
				at = LocalDateTime.parse(text).atZone(zone()).toOffsetDateTime();
			}
			catch (DateTimeParseException again) {
				problems.add(new FieldProblem(field, "traffic.accident.occurredAt.format"));
				return null;
			}
		}
		if (at.toInstant().isAfter(clock.instant())) {
			problems.add(new FieldProblem(field, "traffic.accident.occurredAt.future"));
			return null;
		}
		return at.atZoneSameInstant(zone()).toOffsetDateTime();
	}

	private static Double coordinate(List<FieldProblem> problems, String field, String value, double max) {
		if (!StringUtils.hasText(value)) {
			problems.add(new FieldProblem(field, "traffic.accident." + field + ".required"));
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(value.strip());
			if (d.abs().compareTo(BigDecimal.valueOf(max)) > 0 || d.scale() > 6) {
				throw new NumberFormatException();
			}
			return d.doubleValue();
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "traffic.accident." + field + ".invalid", max));
			return null;
		}
	}

	/** A count of people (or vehicles): empty is 0; a whole number from 0 to 10,000. */
	static int people(List<FieldProblem> problems, String field, String value) {
		if (!StringUtils.hasText(value)) {
			return 0;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n < 0 || n > PEOPLE_MAX) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "traffic.accident.count.invalid", PEOPLE_MAX));
			return 0;
		}
	}

	/** Yuan with at most two decimals, not negative; empty is 0. */
	static BigDecimal amount(List<FieldProblem> problems, String field, String value) {
		if (!StringUtils.hasText(value)) {
			return BigDecimal.ZERO.setScale(2);
		}
		try {
			BigDecimal amount = new BigDecimal(value.strip().replace(",", "").replace("，", ""));
			if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(LOSS_MAX) > 0) {
				throw new NumberFormatException();
			}
			return amount.setScale(2);
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "traffic.accident.directLoss.invalid"));
			return null;
		}
	}

	private static String text(List<FieldProblem> problems, String field, String value, int max) {
		String stripped = value == null ? null : value.strip();
		if (!StringUtils.hasText(stripped)) {
			return null;
		}
		if (stripped.length() > max || stripped.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem(field, "traffic.accident.text.invalid", max));
			return null;
		}
		return stripped;
	}

	private static <T> T optional(List<FieldProblem> problems, String field, String value,
			java.util.function.Function<String, T> parse) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		T parsed = parse.apply(value);
		if (parsed == null) {
			problems.add(new FieldProblem(field, "traffic.accident.choice.unknown"));
		}
		return parsed;
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
