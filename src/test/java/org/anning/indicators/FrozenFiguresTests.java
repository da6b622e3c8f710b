package org.anning.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.accounts.StaffPrincipal;
import org.anning.units.NewUnit;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitLevel;
import org.anning.units.UnitScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Frozen figure sets: frozen as published, unchanged by later edits to the records, compared with the live
 * figures; withdrawn but still listed; visible only within the unit scope; frozen only by command and
 * administrators; a title is required.
 */
@AnningTest
class FrozenFiguresTests {

	static final String API = "/api/v1/indicators/frozen";

	static final String CASES = "/api/v1/cases";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Indicators indicators;

	@Autowired
	FrozenFigures frozen;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ITemplateEngine templates;

	/** A station of its own under the bureau, so that no other test's records change its figures. */
	Unit station;

	LocalDate from;

	LocalDate to;

	@BeforeEach
	void aStationOfItsOwnAndLastYear() {
		String code = "FZ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		station = organisation.create(new NewUnit(code, "冻结测试派出所" + code, "Freeze test station " + code,
				UnitLevel.STATION, "AN"), all());
		from = LocalDate.now(clock).minusYears(1).withDayOfYear(1);
		to = from.plusYears(1).minusDays(1);
	}

	@Test
	void aFrozenSetKeepsItsFiguresWhenRecordsChangeAndCompareFlagsExactlyTheChangedFigures() {
		String first = register();
		String second = register();
		clear(first, from.plusMonths(4));
		awaitLive("cases.registered", 2);
		awaitLive("cases.cleared", 1);

		MvcTestResult created = post(DemoStaff.command(), API, freezeBody("2025年度报告"));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode set = json(created);
		String id = set.get("id").asString();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo(API + "/" + id);
		assertThat(set.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(set.get("differing").asInt()).isZero();
		assertThat(set.get("figures")).hasSize(Indicator.values().length);
		Map<String, JsonNode> published = byId(set);
		assertThat(published.get("cases.registered").get("frozen").get("value").decimalValue()).isEqualByComparingTo("2");
		assertThat(published.get("cases.cleared").get("frozen").get("value").decimalValue()).isEqualByComparingTo("1");
		assertThat(published.get("cases.clearanceRate").get("frozen").get("value").decimalValue())
			.isEqualByComparingTo("50.00");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'indicator-figure-set' AND object_id = ?"
				+ " AND action = 'CREATE'").param(id).query(Long.class).single()).isEqualTo(1);

		// one more case registered in the period, one cleared in it, and one cleared only after it
		String third = register();
		clear(second, from.plusMonths(5));
		clear(third, to.plusDays(1));
		awaitLive("cases.registered", 3);
		awaitLive("cases.cleared", 2);

		JsonNode now = json(mvc.get().uri(API + "/" + id).with(DemoStaff.command()).exchange());
		Map<String, JsonNode> figures = byId(now);
		assertThat(figures.get("cases.registered").get("frozen").get("value").decimalValue()).isEqualByComparingTo("2");
		assertThat(figures.get("cases.registered").get("live").get("value").decimalValue()).isEqualByComparingTo("3");
		assertThat(figures.get("cases.cleared").get("frozen").get("value").decimalValue()).isEqualByComparingTo("1");
		assertThat(figures.get("cases.cleared").get("live").get("value").decimalValue()).isEqualByComparingTo("2");
		assertThat(figures.get("cases.cleared").get("valueDifference").decimalValue()).isEqualByComparingTo("1");
		assertThat(figures.get("cases.clearanceRate").get("frozen").get("value").decimalValue())
			.isEqualByComparingTo("50.00");
		assertThat(figures.get("cases.clearanceRate").get("live").get("value").decimalValue())
			.isEqualByComparingTo("66.67");
		assertThat(figures.get("cases.clearanceRate").get("valueDifference").decimalValue())
			.isEqualByComparingTo("16.67");
		assertThat(figures.values().stream().filter(f -> f.get("differs").asBoolean()).map(f -> f.get("id").asString()))
			.containsExactlyInAnyOrder("cases.registered", "cases.cleared", "cases.clearanceRate");
		assertThat(now.get("differing").asInt()).isEqualTo(3);
		assertThat(figures.get("cases.cleared").get("frozen").get("comparisonValue").decimalValue()).isEqualByComparingTo("0");

		FrozenFigures.Check check = frozen.compare(id, all());
		assertThat(check.figures().stream().filter(FrozenFigures.Difference::differs).map(FrozenFigures.Difference::id))
			.containsExactlyInAnyOrder("cases.registered", "cases.cleared", "cases.clearanceRate");
		assertThat(check.set().figures()).filteredOn(f -> f.id().equals("cases.cleared"))
			.singleElement()
			.extracting(Figure::value)
			.isEqualTo(new BigDecimal("1"));

		assertThat(frozen.forPeriod(station.code(), from, to, "previous-year", all())).singleElement()
			.satisfies(n -> {
				assertThat(n.id().toString()).isEqualTo(id);
				assertThat(n.differing()).isEqualTo(3);
			});
		assertThat(frozen.forPeriod(station.code(), from, to, "previous-period", all())).isEmpty();

		assertThat(mvc.get().uri("/desk/indicators/frozen/" + id).with(DemoStaff.command())).hasStatusOk()
			.bodyText()
			.contains("id=\"figure-cases.cleared\" class=\"differs\"", "id=\"figure-cases.registered\" class=\"differs\"",
					"id=\"figure-fraud.cleared\" class=\"same\"", "2025年度报告",
					"href=\"/desk/indicators/cases.cleared/records?unit=" + station.code() + "&amp;from=" + from + "&amp;to="
							+ to + "\"");
	}

	@Test
	void frozenFiguresCannotBeChangedOrDeletedInTheDatabase() {
		String id = json(post(DemoStaff.command(), API, freezeBody("不可更改"))).get("id").asString();
		UUID set = UUID.fromString(id);
		assertThatThrownBy(() -> jdbc.sql("UPDATE frozen_figure SET value = 999 WHERE set_id = ?").param(set).update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM frozen_figure_set WHERE id = ?").param(set).update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM frozen_figure WHERE set_id = ? AND value = 999").param(set)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aWithdrawnSetStaysListedAsWithdrawnAndCannotBeWithdrawnTwice() {
		String id = json(post(DemoStaff.command(), API, freezeBody("2025年第四季度通报"))).get("id").asString();

		MvcTestResult noReason = post(DemoStaff.admin(), API + "/" + id + "/withdrawal", Map.of("reason", " "));
		assertThat(noReason).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field")
			.asArray().containsExactly("reason");
		assertThat(post(DemoStaff.chief(), API + "/" + id + "/withdrawal", Map.of("reason", "数字有误")))
			.hasStatus(HttpStatus.FORBIDDEN);

		MvcTestResult withdrawn = post(DemoStaff.admin(), API + "/" + id + "/withdrawal", Map.of("reason", "统计口径调整"));
		assertThat(withdrawn).hasStatusOk();
		assertThat(json(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(json(withdrawn).get("withdrawal").get("reason").asString()).isEqualTo("统计口径调整");
		assertThat(post(DemoStaff.command(), API + "/" + id + "/withdrawal", Map.of("reason", "再次撤回")))
			.hasStatus(HttpStatus.CONFLICT);

		JsonNode listed = json(mvc.get().uri(API + "?unit=" + station.code()).with(DemoStaff.command()).exchange());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
		assertThat(listed.get(0).get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(frozen.forPeriod(station.code(), from, to, "previous-year", all())).isEmpty();

		assertThat(mvc.get().uri("/desk/indicators/frozen").with(DemoStaff.command())).hasStatusOk()
			.bodyText()
			.contains("id=\"set-" + id + "\"", "2025年第四季度通报", "已撤回");
		assertThat(mvc.get().uri("/desk/indicators/frozen/" + id).with(DemoStaff.command())).hasStatusOk()
			.bodyText()
			.contains("id=\"withdrawn\"", "统计口径调整")
			.doesNotContain("id=\"withdraw-form\"");
	}

	@Test
	void aStationChiefSeesSetsOfTheirOwnUnitOnlyAndCannotFreeze() {
		Map<String, Object> body = new LinkedHashMap<>(freezeBody("和平路派出所年度数据"));
		body.put("unit", "AN-DC-01");
		String id = json(post(DemoStaff.command(), API, body)).get("id").asString();

		assertThat(mvc.get().uri(API + "/" + id).with(DemoStaff.chief())).hasStatusOk();
		assertThat(mvc.get().uri(API + "/" + id).with(DemoStaff.as("auditor", "AN", Role.AUDITOR))).hasStatusOk();
		assertThat(mvc.get().uri(API + "/" + id).with(DemoStaff.frontDesk())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/desk/indicators/frozen/" + id).with(DemoStaff.chief())).hasStatusOk();
		assertThat(mvc.get().uri(API).with(DemoStaff.chief())).hasStatusOk().bodyJson()
			.extractingPath("$[*].id").asArray().contains(id);

		assertThat(mvc.get().uri(API + "/" + id).with(DemoStaff.chief2())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/desk/indicators/frozen/" + id).with(DemoStaff.chief2()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(API).with(DemoStaff.chief2())).hasStatusOk().bodyJson()
			.extractingPath("$[*].id").asArray().doesNotContain(id);
		assertThat(mvc.get().uri("/desk/indicators/frozen").with(DemoStaff.chief2())).hasStatusOk()
			.bodyText().doesNotContain(id);
		assertThat(frozen.forPeriod("AN-DC-01", from, to, "previous-year", scopeOf("AN-DC-02"))).isEmpty();
		assertThat(post(DemoStaff.chief2(), API + "/" + id + "/withdrawal", Map.of("reason", "x")))
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(post(DemoStaff.chief(), API, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/desk/indicators/frozen").with(DemoStaff.chief()).with(csrf())
			.param("unit", "AN-DC-01").param("from", from.toString()).param("to", to.toString())
			.param("compare", "previous-year").param("title", "所长冻结")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/desk/indicators/frozen/new").with(DemoStaff.chief())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(API + "/" + UUID.randomUUID()).with(DemoStaff.command())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(API + "/not-an-id").with(DemoStaff.command())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aMissingTitleIsRefusedWithTheFieldNamedAndTheFormKeepsWhatWasTyped() {
		Map<String, Object> body = new LinkedHashMap<>(freezeBody(""));
		MvcTestResult refused = post(DemoStaff.command(), API, body);
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field")
			.asArray().containsExactly("title");
		body.put("unit", "NO-SUCH-UNIT");
		assertThat(post(DemoStaff.command(), API, body)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("title", "unit");

		String note = "备注" + UUID.randomUUID();
		assertThat(mvc.post().uri("/desk/indicators/frozen").with(DemoStaff.command()).with(csrf())
			.param("unit", station.code()).param("from", from.toString()).param("to", to.toString())
			.param("compare", "previous-period").param("title", "  ").param("note", note)).hasStatusOk()
			.bodyText()
			.contains("id=\"title-error\"", "请填写标题", note, "value=\"" + from + "\"",
					"value=\"" + station.code() + "\" selected=\"selected\"",
					"value=\"previous-period\" selected=\"selected\"")
			.doesNotContain("id=\"unit-error\"");
		assertThat(jdbc.sql("SELECT count(*) FROM frozen_figure_set WHERE note = ?").param(note).query(Long.class).single())
			.isZero();
	}

	@Test
	void theFormFreezesTheSelectionAndShowsTheSet() {
		assertThat(mvc.get().uri("/desk/indicators/frozen/new?unit=" + station.code() + "&from=" + from + "&to=" + to
				+ "&compare=baseline:2019").with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("id=\"freeze-form\"", "value=\"baseline:2019\" selected=\"selected\"", "value=\"" + to + "\"");
		MvcTestResult done = mvc.post().uri("/desk/indicators/frozen").with(DemoStaff.admin()).with(csrf())
			.param("unit", station.code()).param("from", from.toString()).param("to", to.toString())
			.param("compare", "baseline:2019").param("title", "对比2019年").param("note", "表单冻结")
			.exchange();
		assertThat(done).hasStatus(HttpStatus.FOUND);
		String location = done.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/desk/indicators/frozen/");
		String id = location.substring(location.lastIndexOf('/') + 1);
		FrozenFigures.FrozenSet set = frozen.get(id, all());
		assertThat(set.title()).isEqualTo("对比2019年");
		assertThat(set.unit()).isEqualTo(station.code());
		assertThat(set.comparison().kind()).isEqualTo("baseline:2019");
		assertThat(set.comparison().from()).isEqualTo(LocalDate.of(2019, from.getMonthValue(), from.getDayOfMonth()));
		assertThat(set.frozenBy().id()).isEqualTo(DemoStaff.accountId("admin").value());
		assertThat(mvc.get().uri(location).with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("对比2019年", "表单冻结", "id=\"withdraw-form\"", "id=\"differing-summary\"");
		assertThat(mvc.get().uri(location + "?lang=en").with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("Frozen figure set", "Live value", "Against the same dates in 2019");
	}

	@Test
	void theDashboardNoticeLinksEachPublishedSetOfTheSelectionWithHowManyFiguresDiffer() {
		String id = json(post(DemoStaff.command(), API, freezeBody("2025年年报"))).get("id").asString();
		register();
		awaitLive("cases.registered", 1);

		// registered 0 to 1, and the clearance rate from none (nothing registered) to 0.00
		List<FrozenFigures.Notice> notices = frozen.forPeriod(station.code(), from, to, "previous-year", all());
		assertThat(notices).singleElement().extracting(FrozenFigures.Notice::differing).isEqualTo(2);
		Indicators.Result shown = indicators.compute(station.code(), from.toString(), to.toString(), "previous-year", null,
				all());
		assertThat(frozen.forPeriod(shown, all())).singleElement().extracting(FrozenFigures.Notice::differing)
			.isEqualTo(2);
		assertThat(render(notices, Locale.SIMPLIFIED_CHINESE)).contains("id=\"frozen-notice\"",
				"href=\"/desk/indicators/frozen/" + id + "\"", "2025年年报", "现有 2 项指标与冻结值不同");
		assertThat(render(notices, Locale.ENGLISH)).contains("2 figure(s) now differ from the frozen values");
		assertThat(render(List.of(), Locale.SIMPLIFIED_CHINESE)).doesNotContain("frozen-notice");
	}

	// --- helpers

	String render(List<FrozenFigures.Notice> sets, Locale locale) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/desk/indicators");
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, new MockHttpServletResponse());
		return templates.process("indicators/frozen", Set.of("notice"),
				new WebContext(exchange, locale, Map.of("sets", sets)));
	}

	Map<String, Object> freezeBody(String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("unit", station.code());
		body.put("from", from.toString());
		body.put("to", to.toString());
		body.put("compare", "previous-year");
		body.put("title", title);
		body.put("note", "测试");
		return body;
	}

	/** Registers a theft case in the station, registered in March of last year; returns its number. */
	String register() {
		Map<String, Object> body = Map.of("unit", station.code(), "category", "THEFT", "occurredOn",
				from.plusMonths(2).toString(), "registeredOn", from.plusMonths(2).plusDays(1).toString(), "place",
				"测试路1号", "narrative", "冻结数据测试案件");
		MvcTestResult result = post(officer(), CASES, body);
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return json(result).get("caseFile").get("caseNumber").asString();
	}

	void clear(String number, LocalDate on) {
		assertThat(post(officer(), CASES + "/" + number + "/clear", Map.of("on", on.toString(), "how", "调取监控")))
			.hasStatusOk();
	}

	void awaitLive(String id, long expected) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(indicators
			.compute(station.code(), from.toString(), to.toString(), "previous-year", id, all())
			.indicators()
			.get(0)
			.value()).isEqualByComparingTo(BigDecimal.valueOf(expected)));
	}

	RequestPostProcessor officer() {
		StaffPrincipal principal = new StaffPrincipal(DemoStaff.accountId("frozen-officer"), "frozen-officer",
				"frozen-officer", station.id(), Set.of(Role.CASE_OFFICER));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(Role.STAFF), Role.CASE_OFFICER.authority())));
	}

	MvcTestResult post(RequestPostProcessor who, String uri, Map<String, ?> body) {
		return mvc.post().uri(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))
			.exchange();
	}

	static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static Map<String, JsonNode> byId(JsonNode set) {
		Map<String, JsonNode> figures = new LinkedHashMap<>();
		List<JsonNode> all = new ArrayList<>();
		set.get("figures").forEach(all::add);
		all.forEach(f -> figures.put(f.get("id").asString(), f));
		return figures;
	}

	UnitScope all() {
		return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
	}

	UnitScope scopeOf(String code) {
		return new UnitScope(organisation.subtree(organisation.findByCode(code).orElseThrow().id()));
	}
}
