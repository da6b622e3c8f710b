package org.anning.traffic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording, deaths, duplicates, black spots and unit scope over the API. */
@AnningTest
class TrafficApiTests {

	static final String API = "/api/v1/traffic";

	static final double METRES_PER_DEGREE = Math.toRadians(1) * BlackSpots.EARTH_RADIUS;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TrafficStatistics statistics;

	@Autowired
	Accidents accidents;

	final Random random = new Random(System.nanoTime());

	/** Far from the demo city and from other tests' accidents. */
	final double latitude = 35 + random.nextDouble() * 5;

	final double longitude = 100 + random.nextDouble() * 5;

	/** A day in 2021, when the demo data has no accidents. */
	final LocalDate day = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(360));

	static RequestPostProcessor officer() {
		return DemoStaff.as("traffic1", "AN-DC-01", Role.TRAFFIC_OFFICER);
	}

	static RequestPostProcessor otherStation() {
		return DemoStaff.as("traffic2", "AN-DC-02", Role.TRAFFIC_OFFICER);
	}

	String body(String time, double lat, double lon, int deaths, int serious, String loss) {
		return """
				{"occurredAt": "%s", "road": "和平路", "kmMarker": 1.5, "latitude": %s, "longitude": %s,
				 "type": "VEHICLE_COLLISION", "deaths": %d, "seriousInjuries": %d, "minorInjuries": 2,
				 "directLoss": %s, "causes": ["SPEEDING", "FATIGUE"], "vehicles": {"CAR": 2, "TRUCK": 1},
				 "weather": "RAIN", "light": "DAYLIGHT", "surface": "WET", "grade": "ORDINARY"}"""
			.formatted(time, coordinate(lat), coordinate(lon), deaths, serious, loss);
	}

	static String json(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String coordinate(double degrees) {
		return String.format(Locale.ROOT, "%.6f", degrees);
	}

	MvcTestResult record(String body) {
		return mvc.post().uri(API + "/accidents").with(officer()).contentType(MediaType.APPLICATION_JSON).content(body)
			.exchange();
	}

	String recordNumber(String body) {
		MvcTestResult result = record(body);
		assertThat(result).hasStatus(201);
		return JsonPath.read(json(result),
				"$.number");
	}

	@Test
	void recordsAnAccidentWithItsGradeDerivedAndNeverTaken() {
		MvcTestResult result = record(body(day + "T08:30", latitude, longitude, 3, 0, "1200.50"));
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.grade").isEqualTo("RELATIVELY_SERIOUS");
		assertThat(result).bodyJson().extractingPath("$.unit").isEqualTo("AN-DC-01");
		assertThat(result).bodyJson().extractingPath("$.occurredAt").asString().startsWith(day + "T08:30:00+08:00");
		assertThat(result).bodyJson().extractingPath("$.occurredOn").isEqualTo(day.toString());
		assertThat(result).bodyJson().extractingPath("$.vehicles.CAR").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.causes").asArray().containsExactly("FATIGUE", "SPEEDING");
		assertThat(result).bodyJson().extractingPath("$.directLoss").isEqualTo(1200.5);
		assertThat(result).bodyJson().doesNotHavePath("$.duplicateStatus");
	}

	@Test
	void badFieldsAnswer422WithEveryFieldInTheCallersLanguage() {
		MvcTestResult result = mvc.post().uri(API + "/accidents").with(officer())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"occurredAt": "2999-01-01T08:00", "latitude": 95, "longitude": 120, "type": "FLYING",
					 "deaths": -1, "causes": ["SPEEDING", "NAPPING"]}""")
			.exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.contains("occurredAt", "latitude", "type", "deaths", "causes");
		assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'causes')].message").asArray()
			.singleElement().asString().contains("NAPPING");
	}

	@Test
	void anAccidentWithin200MetresAnd2HoursIsFlaggedAndMergingItStopsItCounting() {
		String first = recordNumber(body(day + "T09:00", latitude, longitude, 1, 0, "0"));
		// 150 m north, 90 minutes later: flagged
		String second = recordNumber(body(day + "T10:30", latitude + 150 / METRES_PER_DEGREE, longitude, 1, 0, "0"));
		// 250 m away, or 3 hours later: not flagged
		String far = recordNumber(body(day + "T09:10", latitude - 250 / METRES_PER_DEGREE, longitude, 0, 0, "0"));
		String late = recordNumber(body(day + "T13:00", latitude, longitude, 0, 0, "0"));
		assertThat(mvc.get().uri(API + "/accidents/" + second).with(officer())).bodyJson()
			.extractingPath("$.duplicateStatus").isEqualTo("FLAGGED");
		assertThat(mvc.get().uri(API + "/accidents/" + second).with(officer())).bodyJson()
			.extractingPath("$.duplicateOf").isEqualTo(first);
		for (String number : List.of(first, far, late)) {
			assertThat(mvc.get().uri(API + "/accidents/" + number).with(officer())).bodyJson()
				.doesNotHavePath("$.duplicateStatus");
		}
		assertThat(mvc.get().uri(API + "/duplicates").with(officer())).hasStatusOk().bodyJson()
			.extractingPath("$[*].flagged.number").asArray().contains(second).doesNotContain(first, far, late);

		var unit = List.of(DemoStaff.unitId("AN-DC-01").value());
		var before = statistics.figures(unit, day, day);
		assertThat(mvc.post().uri(API + "/accidents/" + second + "/merge").with(officer())).hasStatusOk().bodyJson()
			.extractingPath("$.duplicateStatus").isEqualTo("MERGED");
		var after = statistics.figures(unit, day, day);
		assertThat(after.accidents()).isEqualTo(before.accidents() - 1);
		assertThat(after.deaths()).isEqualTo(before.deaths() - 1);
		assertThat(mvc.post().uri(API + "/accidents/" + second + "/dismiss").with(officer())).hasStatus(409);
		assertThat(mvc.get().uri(API + "/duplicates").with(officer())).bodyJson()
			.extractingPath("$[*].flagged.number").asArray().doesNotContain(second);
	}

	@Test
	void dismissingAFlagKeepsTheAccidentCounted() {
		double lat = latitude + 0.05;
		recordNumber(body(day + "T14:00", lat, longitude, 0, 0, "0"));
		String second = recordNumber(body(day + "T14:20", lat, longitude + 0.0005, 0, 0, "0"));
		var unit = List.of(DemoStaff.unitId("AN-DC-01").value());
		long before = statistics.figures(unit, day, day).accidents();
		assertThat(mvc.post().uri(API + "/accidents/" + second + "/dismiss").with(officer())).hasStatusOk().bodyJson()
			.extractingPath("$.duplicateStatus").isEqualTo("DISMISSED");
		assertThat(statistics.figures(unit, day, day).accidents()).isEqualTo(before);
	}

	@Test
	void deathsAreUpdatedWithin30DaysAndRefusedAfter() {
		ZoneId zone = accidents.zone();
		LocalDateTime tenDaysAgo = LocalDateTime.now(zone).minusDays(10).withSecond(0).withNano(0);
		String recent = recordNumber(body(tenDaysAgo.toString(), latitude + 0.1, longitude, 0, 0, "0"));
		MvcTestResult updated = mvc.post().uri(API + "/accidents/" + recent + "/deaths").with(officer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"deaths\": 3}").exchange();
		assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.deaths").isEqualTo(3);
		assertThat(updated).bodyJson().extractingPath("$.deathsWithin7Days").isEqualTo(0);
		assertThat(updated).bodyJson().extractingPath("$.grade").isEqualTo("RELATIVELY_SERIOUS");
		assertThat(updated).bodyJson().extractingPath("$.deathsUpdates[0].before").isEqualTo(0);
		assertThat(updated).bodyJson().extractingPath("$.deathsUpdates[0].after").isEqualTo(3);
		assertThat(updated).bodyJson().extractingPath("$.deathsUpdates[0].on")
			.isEqualTo(LocalDate.now(zone).toString());

		LocalDateTime fortyDaysAgo = LocalDateTime.now(zone).minusDays(40).withSecond(0).withNano(0);
		String old = recordNumber(body(fortyDaysAgo.toString(), latitude + 0.2, longitude, 0, 0, "0"));
		MvcTestResult refused = mvc.post().uri(API + "/accidents/" + old + "/deaths").with(officer())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON).content("{\"deaths\": 1}").exchange();
		assertThat(refused).hasStatus(422);
		assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("deaths");
		assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString().contains("30 days");
		assertThat(mvc.get().uri(API + "/accidents/" + old).with(officer())).bodyJson().extractingPath("$.deaths")
			.isEqualTo(0);
	}

	@Test
	void anotherUnitsStaffGet404AndCommandReads() {
		String number = recordNumber(body(day + "T16:00", latitude + 0.3, longitude, 0, 0, "0"));
		assertThat(mvc.get().uri(API + "/accidents/" + number).with(otherStation())).hasStatus(404);
		assertThat(mvc.post().uri(API + "/accidents/" + number + "/deaths").with(otherStation())
			.contentType(MediaType.APPLICATION_JSON).content("{\"deaths\": 1}")).hasStatus(404);
		assertThat(mvc.post().uri(API + "/accidents/" + number + "/merge").with(otherStation())).hasStatus(404);
		assertThat(mvc.get().uri(API + "/black-spots?unit=AN-DC-01").with(otherStation())).hasStatus(404);
		assertThat(mvc.get().uri(API + "/accidents?unit=AN-DC-01").with(otherStation())).hasStatus(404);
		assertThat(mvc.get().uri(API + "/accidents/" + number).with(DemoStaff.chief2())).hasStatus(404);
		assertThat(mvc.get().uri("/desk/traffic/accidents/" + number).with(otherStation())).hasStatus(404);
		assertThat(mvc.get().uri(API + "/accidents/" + number).with(DemoStaff.command())).hasStatusOk();
		assertThat(mvc.post().uri(API + "/accidents/" + number + "/deaths").with(DemoStaff.command())
			.contentType(MediaType.APPLICATION_JSON).content("{\"deaths\": 1}")).hasStatus(403);
		assertThat(mvc.get().uri(API + "/accidents/" + number).with(DemoStaff.frontDesk())).hasStatus(403);
	}

	@Test
	void fiveAccidents200MetresApartFormOneBlackSpotAt250MetresAndNoneAt150() {
		double lat = latitude + 0.4;
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			// three hours apart, so that none of them is a duplicate of another
			numbers.add(recordNumber(body(day + String.format("T%02d:00", i * 3), lat + i * 200 / METRES_PER_DEGREE, longitude,
					i == 0 ? 1 : 0, 0, "0")));
		}
		MvcTestResult spots = mvc.get()
			.uri(API + "/black-spots?unit=AN-DC-01&from=" + day + "&to=" + day + "&radius=250&minAccidents=3")
			.with(officer()).exchange();
		assertThat(spots).hasStatusOk();
		List<List<String>> found = JsonPath.read(json(spots), "$.spots[*].accidents");
		assertThat(found).contains(numbers);
		int index = found.indexOf(numbers);
		assertThat(spots).bodyJson().extractingPath("$.spots[" + index + "].accidentCount").isEqualTo(5);
		assertThat(spots).bodyJson().extractingPath("$.spots[" + index + "].deaths").isEqualTo(1);
		assertThat(spots).bodyJson().extractingPath("$.spots[" + index + "].injuries").isEqualTo(10);
		assertThat(spots).bodyJson().extractingPath("$.spots[" + index + "].mainCauses").asArray()
			.containsExactly("FATIGUE", "SPEEDING");
		double centre = ((Number) JsonPath.read(json(spots),
				"$.spots[" + index + "].latitude")).doubleValue();
		assertThat(centre).isCloseTo(lat + 400 / METRES_PER_DEGREE, org.assertj.core.api.Assertions.within(2e-6));

		MvcTestResult fatal = mvc.get()
			.uri(API + "/black-spots?unit=AN-DC-01&from=" + day + "&to=" + day + "&radius=250&fatalOnly=true")
			.with(officer()).exchange();
		List<List<String>> fatalSpots = JsonPath.read(json(fatal), "$.spots[*].accidents");
		assertThat(fatalSpots).doesNotContain(numbers);

		MvcTestResult narrow = mvc.get()
			.uri(API + "/black-spots?unit=AN-DC-01&from=" + day + "&to=" + day + "&radius=150&minAccidents=3")
			.with(officer()).exchange();
		List<List<String>> none = JsonPath.read(json(narrow), "$.spots[*].accidents");
		assertThat(none.stream().flatMap(List::stream)).doesNotContainAnyElementsOf(numbers);
	}

	@Test
	void blackSpotParametersOutOfRangeAnswer422() {
		MvcTestResult result = mvc.get().uri(API + "/black-spots?radius=0&minAccidents=x&from=2024-05-01&to=2024-04-01")
			.with(officer()).exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactlyInAnyOrder("from", "radius", "minAccidents");
	}

	@Test
	void theDemoDataHasTheBaselineYearAndBlackSpots() {
		MvcTestResult spots = mvc.get().uri(API + "/black-spots").with(DemoStaff.command()).exchange();
		assertThat(spots).hasStatusOk();
		List<Integer> counts = JsonPath.read(json(spots), "$.spots[*].accidentCount");
		assertThat(counts).isNotEmpty();
		assertThat(counts.get(0)).isGreaterThanOrEqualTo(10);
		assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		MvcTestResult baseline = mvc.get().uri(API + "/accidents?from=2019-01-01&to=2019-12-31&limit=1000")
			.with(DemoStaff.command()).exchange();
		List<String> numbers = JsonPath.read(json(baseline), "$[*].number");
		assertThat(numbers).hasSizeGreaterThan(500);
	}
}
