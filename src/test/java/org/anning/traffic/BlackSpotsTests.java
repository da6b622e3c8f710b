package org.anning.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlackSpotsTests {

	/** Metres per degree of latitude on the sphere the haversine uses. */
	static final double METRES_PER_DEGREE = Math.toRadians(1) * BlackSpots.EARTH_RADIUS;

	static List<BlackSpots.Point> line(int count, double metresApart, double latitude, double longitude) {
		List<BlackSpots.Point> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			points.add(new BlackSpots.Point("A" + i, latitude + i * metresApart / METRES_PER_DEGREE, longitude, 1, 2,
					List.of(Cause.SPEEDING)));
		}
		return points;
	}

	@Test
	void fiveAccidents200MetresApartInALineFormOneSpotWithARadiusOf250() {
		List<BlackSpots.Spot> spots = BlackSpots.cluster(line(5, 200, 30.27, 120.15), 250, 3);
		assertThat(spots).hasSize(1);
		BlackSpots.Spot spot = spots.get(0);
		assertThat(spot.accidentCount()).isEqualTo(5);
		assertThat(spot.accidents()).containsExactly("A0", "A1", "A2", "A3", "A4");
		assertThat(spot.deaths()).isEqualTo(5);
		assertThat(spot.injuries()).isEqualTo(10);
		assertThat(spot.latitude()).isCloseTo(30.27 + 400 / METRES_PER_DEGREE, within(1e-6));
		assertThat(spot.longitude()).isCloseTo(120.15, within(1e-6));
	}

	@Test
	void fiveAccidents300MetresApartInALineFormNoSpot() {
		assertThat(BlackSpots.cluster(line(5, 300, 30.27, 120.15), 250, 3)).isEmpty();
	}

	@Test
	void theSameLineAlongALongitudeAtHighLatitudeChainsToo() {
		List<BlackSpots.Point> points = new ArrayList<>();
		double metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(60));
		for (int i = 0; i < 5; i++) {
			points.add(new BlackSpots.Point("E" + i, 60, 10 + i * 240 / metresPerDegreeLongitude, 0, 0, List.of()));
		}
		assertThat(BlackSpots.cluster(points, 250, 3)).singleElement()
			.satisfies(s -> assertThat(s.accidentCount()).isEqualTo(5));
		assertThat(BlackSpots.cluster(points, 230, 2)).isEmpty();
	}

	@Test
	void groupsSmallerThanTheMinimumAreNoSpotsAndSpotsComeLargestFirst() {
		List<BlackSpots.Point> points = new ArrayList<>(line(2, 100, 30.0, 120.0));
		points.addAll(line(4, 100, 31.0, 120.0).stream()
			.map(p -> new BlackSpots.Point("B" + p.number(), p.latitude(), p.longitude(), 0, 1, p.causes())).toList());
		points.addAll(line(3, 100, 32.0, 120.0).stream()
			.map(p -> new BlackSpots.Point("C" + p.number(), p.latitude(), p.longitude(), 0, 1, p.causes())).toList());
		List<BlackSpots.Spot> spots = BlackSpots.cluster(points, 250, 3);
		assertThat(spots).extracting(BlackSpots.Spot::accidentCount).containsExactly(4, 3);
	}

	@Test
	void mainCausesAreTheMostFrequentWithTiesByCode() {
		List<BlackSpots.Point> points = List.of(
				new BlackSpots.Point("1", 30, 120, 0, 0, List.of(Cause.SPEEDING, Cause.FATIGUE)),
				new BlackSpots.Point("2", 30.0001, 120, 0, 0, List.of(Cause.SPEEDING, Cause.PHONE_USE)),
				new BlackSpots.Point("3", 30.0002, 120, 0, 0, List.of(Cause.PHONE_USE, Cause.FATIGUE, Cause.OTHER)),
				new BlackSpots.Point("4", 30.0003, 120, 0, 0, List.of(Cause.SPEEDING, Cause.DRUNK_OR_DRUGGED)));
		assertThat(BlackSpots.cluster(points, 250, 3).get(0).mainCauses())
			.containsExactly(Cause.SPEEDING, Cause.FATIGUE, Cause.PHONE_USE);
	}

	@Test
	void theGridFindsExactlyTheGroupsOfComparingEveryPair() {
		Random random = new Random(7);
		List<BlackSpots.Point> points = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			points.add(new BlackSpots.Point(String.format("P%04d", i), 45 + random.nextDouble() * 0.05,
					-0.02 + random.nextDouble() * 0.04, 0, 0, List.of()));
		}
		double radius = 120;
		// union-find over every pair: the definition, quadratic
		int[] parent = new int[points.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		for (int i = 0; i < points.size(); i++) {
			for (int j = i + 1; j < points.size(); j++) {
				BlackSpots.Point p = points.get(i);
				BlackSpots.Point q = points.get(j);
				if (BlackSpots.haversine(p.latitude(), p.longitude(), q.latitude(), q.longitude()) <= radius) {
					int a = root(parent, i);
					int b = root(parent, j);
					parent[Math.max(a, b)] = Math.min(a, b);
				}
			}
		}
		Map<Integer, Set<String>> groups = new HashMap<>();
		for (int i = 0; i < points.size(); i++) {
			groups.computeIfAbsent(root(parent, i), r -> new TreeSet<>()).add(points.get(i).number());
		}
		Set<Set<String>> expected = groups.values().stream().filter(g -> g.size() >= 3).collect(Collectors.toSet());
		Set<Set<String>> found = BlackSpots.cluster(points, radius, 3).stream()
			.map(s -> (Set<String>) new TreeSet<>(s.accidents())).collect(Collectors.toSet());
		assertThat(expected).isNotEmpty();
		assertThat(found).isEqualTo(expected);
	}

	@Test
	void haversineOfOneDegreeOfLatitudeIsAbout111Kilometres() {
		assertThat(BlackSpots.haversine(30, 120, 31, 120)).isCloseTo(111_195, within(1.0));
		assertThat(BlackSpots.haversine(0, 0, 0, 1)).isCloseTo(111_195, within(1.0));
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			i = parent[i];
		}
		return i;
	}
}
