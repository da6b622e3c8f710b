package org.anning.traffic.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.anning.traffic.Accident;
import org.anning.traffic.Accidents;
import org.anning.traffic.BlackSpots;
import org.anning.traffic.Cause;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.springframework.stereotype.Component;

/** Accidents, duplicates and spots as the API shows them: codes for units and choices, times in the bureau's zone. */
@Component
class AccidentViews {

	private final Organisation organisation;

	private final Accidents accidents;

	AccidentViews(Organisation organisation, Accidents accidents) {
		this.organisation = organisation;
		this.accidents = accidents;
	}

	record AccidentLine(String number, String unit, OffsetDateTime occurredAt, LocalDate occurredOn, String road,
			double latitude, double longitude, int deaths, int seriousInjuries, int minorInjuries, BigDecimal directLoss,
			String grade, String duplicateStatus) {
	}

	record DeathsUpdateView(LocalDate on, int before, int after) {
	}

	record AccidentDetail(String number, String unit, OffsetDateTime occurredAt, LocalDate occurredOn, String road,
			BigDecimal kmMarker, double latitude, double longitude, String type, int deaths, int deathsWithin7Days,
			int seriousInjuries, int minorInjuries, BigDecimal directLoss, List<String> causes,
			Map<String, Integer> vehicles, String weather, String light, String surface, String grade,
			String duplicateStatus, String duplicateOf, LocalDate deathsUpdatableUntil,
			List<DeathsUpdateView> deathsUpdates) {
	}

	record PairView(AccidentLine flagged, AccidentLine other, double metres, long minutes) {
	}

	record SpotView(double latitude, double longitude, int accidentCount, List<String> accidents, int deaths,
			int injuries, List<String> mainCauses) {
	}

	record SpotsView(List<SpotView> spots) {
	}

	AccidentLine line(Accident a) {
		return new AccidentLine(a.number(), code(a), a.occurredAt(), a.occurredOn(), a.road(), a.latitude(),
				a.longitude(), a.deaths(), a.seriousInjuries(), a.minorInjuries(), a.directLoss(), a.grade().name(),
				a.duplicateStatus() == null ? null : a.duplicateStatus().name());
	}

	AccidentDetail detail(Accident a) {
		Map<String, Integer> vehicles = new TreeMap<>();
		a.vehicles().forEach((k, v) -> vehicles.put(k.name(), v));
		String other = a.duplicateOf() == null ? null
				: accidents.find(a.duplicateOf()).map(Accident::number).orElse(null);
		return new AccidentDetail(a.number(), code(a), a.occurredAt(), a.occurredOn(), a.road(), a.kmMarker(),
				a.latitude(), a.longitude(), name(a.type()), a.deaths(), a.deathsWithin7Days(), a.seriousInjuries(),
				a.minorInjuries(), a.directLoss(), a.causes().stream().map(Cause::name).sorted().toList(), vehicles,
				name(a.weather()), name(a.light()), name(a.surface()), a.grade().name(),
				a.duplicateStatus() == null ? null : a.duplicateStatus().name(), other, a.deathsUpdatableUntil(),
				accidents.deathsUpdates(a).stream().map(u -> new DeathsUpdateView(u.on(), u.before(), u.after()))
					.toList());
	}

	PairView pair(Accidents.DuplicatePair p) {
		return new PairView(line(p.flagged()), p.other() == null ? null : line(p.other()), p.metres(), p.minutes());
	}

	static SpotsView spots(List<BlackSpots.Spot> spots) {
		return new SpotsView(spots.stream().map(s -> new SpotView(s.latitude(), s.longitude(), s.accidentCount(),
				s.accidents(), s.deaths(), s.injuries(), s.mainCauses().stream().map(Cause::name).toList())).toList());
	}

	private String code(Accident a) {
		return organisation.find(new UnitId(a.unit())).map(u -> u.code()).orElse(null);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
