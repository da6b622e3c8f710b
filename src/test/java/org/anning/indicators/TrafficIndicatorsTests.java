package org.anning.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.EventsSettled;
import org.anning.units.NewUnit;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accidents of 2019 and 2024 imported through the accident import API (seeded): the 2024 fatal accidents and deaths
 * compared with the 2019 baseline equal a count made straight from the file, value and baseline alike.
 */
@AnningTest
class TrafficIndicatorsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fatalAccidentsAndDeathsOf2024AgainstThe2019BaselineEqualTheFile() throws Exception {
		Random random = new Random(2019_2024);
		String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		String station = "TX" + tag;
		organisation.create(new NewUnit(station, "交通测试大队" + tag, "Traffic test unit " + tag, UnitLevel.STATION, "AN"),
				new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet())));
		StringBuilder file = new StringBuilder("accident_number,unit_code,occurred_at,latitude,longitude,road,km_marker,"
				+ "deaths,serious_injuries,minor_injuries,direct_loss,cause_code\n");
		long[] fatal = new long[2];
		long[] deaths = new long[2];
		double latitude = 29.0 + random.nextInt(1000) * 0.001;
		for (int i = 0; i < 240; i++) {
			int year = i % 2 == 0 ? 2019 : 2024;
			LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
			int dead = random.nextInt(10) < 2 ? 1 + random.nextInt(3) : 0;
			if (dead > 0) {
				fatal[year == 2019 ? 0 : 1]++;
				deaths[year == 2019 ? 0 : 1] += dead;
			}
			// 23:30 in Beijing on the last day of the year still counts in that year.
			String time = day.getDayOfYear() == day.lengthOfYear() ? "T23:30:00+08:00" : "T" + (10 + random.nextInt(10)) + ":05:00+08:00";
			file.append("TX-").append(tag).append('-').append(i).append(',').append(station).append(',').append(day).append(time)
				.append(',').append(String.format(java.util.Locale.ROOT, "%.6f", latitude + i * 0.01)).append(",120.150000,")
				.append("测试大道,").append(i).append(',').append(dead).append(',').append(random.nextInt(3)).append(',')
				.append(random.nextInt(4)).append(',').append(random.nextInt(900_000)).append(".00,SPEEDING\n");
		}
		assertThat(mvc.post().uri("/api/v1/imports/accidents").header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
			.contentType("text/csv").content(file.toString())).hasStatusOk();
		EventsSettled.rollups(jdbc);

		var result = mvc.get()
			.uri("/api/v1/indicators?unit={u}&from=2024-01-01&to=2024-12-31&compare=baseline:2019&ids=traffic.fatalAccidents,traffic.deaths",
					station)
			.header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode body = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
		assertThat(body.get("comparison").get("from").asString()).isEqualTo("2019-01-01");
		for (JsonNode figure : body.get("indicators")) {
			long[] expected = figure.get("id").asString().equals("traffic.fatalAccidents") ? fatal : deaths;
			assertThat(new BigDecimal(figure.get("value").asString())).isEqualByComparingTo(BigDecimal.valueOf(expected[1]));
			assertThat(new BigDecimal(figure.get("comparisonValue").asString()))
				.isEqualByComparingTo(BigDecimal.valueOf(expected[0]));
		}
		assertThat(body.get("indicators")).hasSize(2);
	}
}
