package org.anning.outreach;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Role;
import org.anning.residents.Residents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Community policing through the API and the desk: validation with every field at once, unit scope (a sibling
 * station's officer finds nothing), idempotent sync of what was captured offline, issues handed on and resolved,
 * and figures that equal their records.
 */
@AnningTest
class OutreachTests {

	static final String API = "/api/v1/outreach";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	OutreachStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static RequestPostProcessor community() {
		return DemoStaff.as("community", "AN-DC-01", Role.COMMUNITY_OFFICER);
	}

	/** A community officer of 春晖派出所 (AN-DC-02), a sibling of AN-DC-01. */
	static RequestPostProcessor siblingCommunity() {
		return DemoStaff.as("community2", "AN-DC-02", Role.COMMUNITY_OFFICER);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	String resident() {
		return residents.registeredFirst(1).get(0).value().toString();
	}

	Map<String, Object> visit(String place) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("resident", resident());
		body.put("reason", "ELDERLY");
		body.put("consent", true);
		body.put("consentHow", "SIGNED");
		body.put("consentOn", today().toString());
		body.put("services", List.of("ID_PHOTO", "DOCUMENTS_DELIVERED"));
		body.put("place", place);
		body.put("visitedOn", today().toString());
		return body;
	}

	MvcResult send(MockHttpServletRequestBuilder request, RequestPostProcessor who, Object body, String key)
			throws Exception {
		request.with(who).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request).andReturn();
	}

	static JsonNode json(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	String campaign(RequestPostProcessor who, LocalDate starts, LocalDate ends, int target) throws Exception {
		MvcResult made = send(post(API + "/campaigns"), who, Map.of("name", "入户走访 " + UUID.randomUUID(), "startsOn",
				starts.toString(), "endsOn", ends.toString(), "target", String.valueOf(target)), null);
		assertThat(made.getResponse().getStatus()).isEqualTo(201);
		return json(made).get("reference").asString();
	}

	@Test
	void aVisitWithNothingFilledInAnswers422WithEveryMissingField() throws Exception {
		MvcResult refused = send(post(API + "/visits"), community(), Map.of(), null);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("resident",
				"reason", "consent", "services", "place", "visitedOn");
		Map<String, Object> future = visit("家中");
		future.put("visitedOn", today().plusDays(1).toString());
		future.put("consentHow", null);
		MvcResult later = send(post(API + "/visits"), community(), future, null);
		assertThat(later.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(later).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("visitedOn",
				"consentHow");
	}

	@Test
	void theDeskFormShowsTheErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
		String html = mvc.perform(post("/desk/outreach/visits/new").with(csrf()).with(community())
			.param("place", "幸福里 8 号 2 单元 301 室").param("reason", "ILL").param("consent", "true")
			.param("visitedOn", today().toString()))
			.andExpect(status().isOk())
			.andExpect(view().name("outreach/visit-form"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("value=\"幸福里 8 号 2 单元 301 室\"", "请填写居民档案编号", "请至少选择一项服务内容",
				"class=\"error-summary\"", "value=\"ILL\" selected=\"selected\"", "id=\"consent-yes\" name=\"consent\" value=\"true\" checked");
		assertThat(jdbc.sql("SELECT count(*) FROM outreach_service_visit WHERE place = ?").param("幸福里 8 号 2 单元 301 室")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aCommunityOfficerOfASiblingStationGets404ForAVisit() throws Exception {
		MvcResult made = send(post(API + "/visits"), community(), visit("胜利街 3 号"), null);
		assertThat(made.getResponse().getStatus()).isEqualTo(201);
		String reference = json(made).get("reference").asString();
		assertThat(reference).matches("FW-\\d{4}-\\d{6}");

		assertThat(mvc.perform(get(API + "/visits/" + reference).with(siblingCommunity())).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get(API + "/visits/" + reference + "/resident").with(siblingCommunity())).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/desk/outreach/visits/" + reference).with(siblingCommunity())).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/desk/outreach/visits/" + reference + "/resident").with(csrf())
			.with(siblingCommunity())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get(API + "/visits").with(siblingCommunity())).andReturn().getResponse()
			.getContentAsString()).doesNotContain(reference);

		assertThat(mvc.perform(get(API + "/visits/" + reference).with(DemoStaff.chief())).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get(API + "/visits/" + reference).with(DemoStaff.command())).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void openingTheVisitedResidentIsAuditedWithThePurposeOfTheVisit() throws Exception {
		String reference = json(send(post(API + "/visits"), community(), visit("人民路 5 号"), null)).get("reference")
			.asString();
		long before = audits(reference);
		MvcResult opened = mvc.perform(get(API + "/visits/" + reference + "/resident").with(community())).andReturn();
		assertThat(opened.getResponse().getStatus()).isEqualTo(200);
		assertThat(json(opened).get("name").asString()).isNotBlank();
		assertThat(audits(reference)).isEqualTo(before + 1);
	}

	long audits(String reference) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE purpose = 'VISIT' AND purpose_ref = ? AND action = 'READ'")
			.param(reference).query(Long.class).single();
	}

	@Test
	void aRecurringVisitShowsAsDueAndAnotherVisitMovesItOn() throws Exception {
		Map<String, Object> body = visit("建设路 9 号");
		body.put("resident", residents.registeredFirst(5).get(4).value().toString());
		body.put("visitedOn", today().minusWeeks(2).toString());
		body.put("consentOn", today().minusWeeks(2).toString());
		body.put("everyWeeks", "2");
		body.put("unit", "AN-DC-01-P1");
		String first = json(send(post(API + "/visits"), community(), body, null)).get("id").asString();
		JsonNode due = json(mvc.perform(get(API + "/plans/due").with(community())).andReturn());
		JsonNode plan = null;
		for (JsonNode p : due) {
			if (p.get("lastVisit").asString().equals(first)) {
				plan = p;
			}
		}
		assertThat(plan).isNotNull();
		assertThat(plan.get("nextDueOn").asString()).isEqualTo(today().toString());

		body.put("visitedOn", today().toString());
		body.remove("everyWeeks");
		send(post(API + "/visits"), community(), body, null);
		String planId = plan.get("id").asString();
		assertThat(json(mvc.perform(get(API + "/plans/due").with(community())).andReturn()).findValuesAsString("id"))
			.doesNotContain(planId);
		assertThat(jdbc.sql("SELECT next_due_on FROM outreach_visit_plan WHERE id = ?").param(UUID.fromString(planId))
			.query(LocalDate.class).single()).isEqualTo(today().plusWeeks(2));
	}

	@Test
	void theSameKeyTwiceMakesOneHouseholdVisitWithTheSameId() throws Exception {
		String campaign = campaign(community(), today().minusDays(3), today().plusDays(20), 50);
		String address = "和平路 " + UUID.randomUUID().toString().substring(0, 8) + " 号";
		Map<String, Object> body = Map.of("campaign", campaign, "address", address, "visitedOn", today().toString(),
				"issues", List.of(Map.of("kind", "DISPUTE", "description", "楼道堆物引发争执")));
		String key = UUID.randomUUID().toString();

		MvcResult first = send(post("/desk/outreach/sync/household-visits").with(csrf()), community(), body, key);
		MvcResult again = send(post("/desk/outreach/sync/household-visits").with(csrf()), community(), body, key);
		MvcResult viaApi = send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", address, "visitedOn", today().toString()), key);

		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(201);
		assertThat(viaApi.getResponse().getStatus()).isEqualTo(201);
		String id = json(first).get("id").asString();
		assertThat(json(again).get("id").asString()).isEqualTo(id);
		assertThat(json(viaApi).get("id").asString()).isEqualTo(id);
		assertThat(jdbc.sql("SELECT count(*) FROM outreach_household_visit WHERE address = ?").param(address)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM outreach_issue WHERE household_visit_id = ?").param(UUID.fromString(id))
			.query(Long.class).single()).isEqualTo(1);

		MvcResult other = send(post("/desk/outreach/sync/household-visits").with(csrf()), community(), body,
				UUID.randomUUID().toString());
		assertThat(json(other).get("id").asString()).isNotEqualTo(id);
	}

	@Test
	void theSameKeyTwiceMakesOneServiceVisit() throws Exception {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = visit("文化路 1 号");
		MvcResult first = send(post("/desk/outreach/sync/service-visits").with(csrf()), community(), body, key);
		MvcResult again = send(post("/desk/outreach/sync/service-visits").with(csrf()), community(), body, key);
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(json(again).get("reference").asString()).isEqualTo(json(first).get("reference").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM outreach_service_visit WHERE id = ?")
			.param(UUID.fromString(json(first).get("id").asString())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFailedSyncLeavesTheKeyFreeForTheCorrectedEntry() throws Exception {
		String key = UUID.randomUUID().toString();
		Map<String, Object> bad = new LinkedHashMap<>(visit("青年路 2 号"));
		bad.put("place", "");
		assertThat(send(post("/desk/outreach/sync/service-visits").with(csrf()), community(), bad, key).getResponse()
			.getStatus()).isEqualTo(422);
		MvcResult good = send(post("/desk/outreach/sync/service-visits").with(csrf()), community(), visit("青年路 2 号"), key);
		assertThat(good.getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void theSyncEndpointNeedsTheCsrfToken() throws Exception {
		MvcResult refused = send(post("/desk/outreach/sync/service-visits"), community(), visit("中山路 4 号"),
				UUID.randomUUID().toString());
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aHouseholdVisitOfAnotherStationsCampaignIsRefused() throws Exception {
		String campaign = campaign(community(), today().minusDays(3), today().plusDays(20), 50);
		MvcResult refused = send(post("/desk/outreach/sync/household-visits").with(csrf()), siblingCommunity(),
				Map.of("campaign", campaign, "address", "滨江路 1 号", "visitedOn", today().toString()), null);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactly("campaign");
		assertThat(mvc.perform(get(API + "/campaigns/" + campaign).with(siblingCommunity())).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void anIssueIsHandedToMediationAndResolvedAndCountsOnTheDayResolved() throws Exception {
		String campaign = campaign(community(), today().minusDays(3), today().plusDays(20), 50);
		JsonNode household = json(send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", "解放路 7 号", "visitedOn", today().toString(), "issues",
						List.of(Map.of("kind", "DISPUTE", "description", "楼上漏水引发纠纷"))), null));
		String issue = household.get("issues").get(0).get("id").asString();
		List<UUID> units = List.of(DemoStaff.unitId("AN-DC-01").value());
		long before = statistics.figures(units, today(), today()).issuesResolved();

		MvcResult incomplete = send(post(API + "/issues/" + issue + "/mediation"), community(),
				Map.of("category", "NEIGHBOURS", "risk", "LOW"), null);
		assertThat(incomplete.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(incomplete).get("errors").findValuesAsString("field")).contains("parties[0].name");
		Map<String, Object> dispute = Map.of("category", "NEIGHBOURS", "risk", "LOW", "parties",
				List.of(Map.of("role", "APPLICANT", "name", "王某", "contact", "13800000001"),
						Map.of("role", "RESPONDENT", "name", "李某")));
		JsonNode referred = json(send(post(API + "/issues/" + issue + "/mediation"), community(), dispute, null));
		assertThat(referred.get("status").asString()).isEqualTo("REFERRED_MEDIATION");
		String reference = referred.get("referredReference").asString();
		assertThat(reference).matches("TJ-\\d{4}-\\d{6}");
		assertThat(jdbc.sql("SELECT channel FROM mediation_dispute WHERE reference = ?").param(reference).query(String.class)
			.single()).isEqualTo("HOUSEHOLD_VISIT");
		assertThat(send(post(API + "/issues/" + issue + "/mediation"), community(), dispute, null).getResponse()
			.getStatus()).isEqualTo(409);
		assertThat(send(post(API + "/issues/" + issue + "/resolve"), siblingCommunity(), Map.of("resolution", "x"), null)
			.getResponse().getStatus()).isEqualTo(404);
		JsonNode resolved = json(send(post(API + "/issues/" + issue + "/resolve"), community(),
				Map.of("resolution", "调解成功，双方签订协议"), null));
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(statistics.figures(units, today(), today()).issuesResolved()).isEqualTo(before + 1);
		assertThat(send(post(API + "/issues/" + issue + "/resolve"), community(), Map.of("resolution", "again"), null)
			.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void anIssueBecomesADraftApplicationOfTheResident() throws Exception {
		String campaign = campaign(community(), today().minusDays(3), today().plusDays(20), 50);
		JsonNode household = json(send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", "新华路 11 号", "visitedOn", today().toString(), "issues",
						List.of(Map.of("kind", "SERVICE_NEED", "description", "老人身份证即将到期"))), null));
		String issue = household.get("issues").get(0).get("id").asString();
		JsonNode referred = json(send(post(API + "/issues/" + issue + "/application"), community(),
				Map.of("resident", resident(), "item", "ID_CARD_RENEWAL"), null));
		assertThat(referred.get("status").asString()).isEqualTo("REFERRED_SERVICE");
		String reference = referred.get("referredReference").asString();
		assertThat(reference).matches("SQ-\\d{4}-\\d{6}");
		assertThat(jdbc.sql("SELECT resident_id FROM application WHERE reference = ?").param(reference)
			.query(UUID.class).single().toString()).isEqualTo(resident());
	}

	@Test
	void everyFigureEqualsTheCountOfItsRecords() throws Exception {
		List<UUID> units = List.of(DemoStaff.unitId("AN-DC-01").value(), DemoStaff.unitId("AN-DC-02").value(),
				DemoStaff.unitId("AN-DC-01-P1").value());
		LocalDate from = today().minusMonths(3);
		LocalDate to = today();
		OutreachStatistics.Figures before = statistics.figures(units, from, to);
		String campaign = campaign(community(), today().minusDays(1), today().plusDays(5), 40);
		send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", "茶园路 2 号", "visitedOn", today().toString()), null);
		send(post(API + "/visits"), community(), visit("茶园路 2 号"), null);
		send(post(API + "/publicity"), community(), Map.of("topic", "ANTI_FRAUD", "title", "反诈宣传", "place", "广场",
				"heldOn", today().toString(), "attendance", "120"), null);

		OutreachStatistics.Figures figures = statistics.figures(units, from, to);
		assertThat(figures.householdsVisited()).isEqualTo(before.householdsVisited() + 1);
		assertThat(figures.serviceVisits()).isEqualTo(before.serviceVisits() + 1);
		assertThat(figures.publicityEvents()).isEqualTo(before.publicityEvents() + 1);
		assertThat(figures.attendance()).isEqualTo(before.attendance() + 120);
		assertThat(figures.serviceVisits()).isPositive();
		assertThat(figures.householdsVisited()).isPositive();

		Map<String, Long> counts = Map.of("serviceVisits", figures.serviceVisits(), "residentsServed",
				figures.residentsServed(), "publicityEvents", figures.publicityEvents(), "householdsVisited",
				figures.householdsVisited(), "issuesResolved", figures.issuesResolved());
		for (var figure : counts.entrySet()) {
			var all = statistics.records(figure.getKey(), units, from, to, 0, 100_000);
			assertThat(all.total()).as(figure.getKey()).isEqualTo(figure.getValue());
			assertThat(all.lines()).as(figure.getKey()).hasSize((int) figure.getValue().longValue());
		}
		var attendance = statistics.records("attendance", units, from, to, 0, 100_000);
		assertThat(attendance.lines().stream().map(OutreachStatistics.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(BigDecimal.valueOf(figures.attendance()));
		var target = statistics.records("campaignTarget", units, from, to, 0, 100_000);
		assertThat(target.lines().stream().map(OutreachStatistics.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(figures.campaignTarget());
		assertThat(statistics.records("serviceVisits", units, from, to, 5, 10).lines()).hasSize(10);
	}

	@Test
	void aCampaignsTargetIsApportionedToAPeriodByItsDays() throws Exception {
		int year = today().getYear() + 3;
		LocalDate march = LocalDate.of(year, 3, 1);
		LocalDate april = LocalDate.of(year, 4, 30);
		List<UUID> units = List.of(DemoStaff.unitId("AN-DC-01-P1").value());
		BigDecimal marchBefore = statistics.figures(units, march, LocalDate.of(year, 3, 31)).campaignTarget();
		send(post(API + "/campaigns"), community(), Map.of("unit", "AN-DC-01-P1", "name", "春季走访", "startsOn",
				march.toString(), "endsOn", april.toString(), "target", "100"), null);
		assertThat(statistics.figures(units, march, LocalDate.of(year, 3, 31)).campaignTarget().subtract(marchBefore))
			.isEqualByComparingTo("50.82");
		assertThat(statistics.figures(units, march, april).campaignTarget().subtract(marchBefore))
			.isGreaterThanOrEqualTo(new BigDecimal("100.00"));
	}

	@Test
	void readersMayNotRecordAndOfficersOfOtherRolesMayNotRead() throws Exception {
		assertThat(send(post(API + "/visits"), DemoStaff.command(), visit("x"), null).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get(API + "/visits").with(DemoStaff.frontDesk())).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get("/desk/outreach").with(DemoStaff.command())).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theDeskHomeAndTheOfflineFormsRender() throws Exception {
		mvc.perform(get("/desk/outreach").with(community())).andExpect(status().isOk());
		String form = mvc.perform(get("/desk/outreach/households/new").with(community()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("data-offline=\"household\"", "data-sync-url=\"/desk/outreach/sync/household-visits\"",
				"id=\"outbox-panel\"", "/outreach/offline.js");
		mvc.perform(get("/desk/outreach/visits/new").with(community())).andExpect(status().isOk());
		mvc.perform(get("/desk/outreach/sw.js").with(community())).andExpect(status().isOk());
		mvc.perform(post("/desk/outreach/households/new").with(csrf()).with(community())
			.param("campaign", campaign(community(), today(), today().plusDays(3), 10))
			.param("address", "胜利街 6 号").param("visitedOn", today().toString()))
			.andExpect(redirectedUrlPattern("/desk/outreach/households/new?campaign=ZF-*"));
	}

	@Test
	void theRecordPagesRenderAndTheIssuePageHandsADisputeToMediation() throws Exception {
		String visit = json(send(post(API + "/visits"), community(), visit("湖滨路 8 号"), null)).get("reference").asString();
		String event = json(send(post(API + "/publicity"), community(), Map.of("topic", "DRUG_PREVENTION", "title",
				"禁毒宣传", "place", "学校", "heldOn", today().toString(), "attendance", "300"), null)).get("reference")
			.asString();
		String campaign = campaign(community(), today().minusDays(1), today().plusDays(9), 30);
		String issue = json(send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", "湖滨路 9 号", "visitedOn", today().toString(), "issues",
						List.of(Map.of("kind", "DISPUTE", "description", "邻居装修噪音纠纷"))), null))
			.get("issues").get(0).get("id").asString();

		for (String page : List.of("/desk/outreach/visits/" + visit, "/desk/outreach/publicity/" + event,
				"/desk/outreach/campaigns/" + campaign, "/desk/outreach/issues/" + issue, "/desk/outreach/publicity/new",
				"/desk/outreach/campaigns/new", "/desk/outreach", "/desk/outreach?unit=AN-DC-01-P1")) {
			mvc.perform(get(page).with(community())).andExpect(status().isOk());
			mvc.perform(get(page).param("lang", "en").with(DemoStaff.chief())).andExpect(status().isOk());
		}
		String opened = mvc.perform(post("/desk/outreach/visits/" + visit + "/resident").with(csrf()).with(community()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(opened).contains("id=\"resident-name\"");

		String refused = mvc.perform(post("/desk/outreach/issues/" + issue + "/mediation").with(csrf()).with(community())
			.param("category", "NEIGHBOURS").param("risk", "HIGH").param("parties[0].role", "APPLICANT")
			.param("parties[0].name", "赵某"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("class=\"error-summary\"", "value=\"赵某\"", "value=\"HIGH\" selected=\"selected\"");
		mvc.perform(post("/desk/outreach/issues/" + issue + "/mediation").with(csrf()).with(community())
			.param("category", "NEIGHBOURS").param("risk", "LOW").param("parties[0].role", "APPLICANT")
			.param("parties[0].name", "赵某").param("parties[1].role", "RESPONDENT").param("parties[1].name", "钱某"))
			.andExpect(redirectedUrlPattern("/desk/outreach/issues/*"));
		assertThat(jdbc.sql("SELECT status FROM outreach_issue WHERE id = ?").param(UUID.fromString(issue))
			.query(String.class).single()).isEqualTo("REFERRED_MEDIATION");
	}

	@Test
	void theHouseholdFormShowsAnIssueErrorBesideItsRowAndKeepsTheRows() throws Exception {
		String campaign = campaign(community(), today().minusDays(2), today().plusDays(9), 30);
		String address = "柳堤路 " + UUID.randomUUID().toString().substring(0, 6) + " 号";
		String html = mvc.perform(post("/desk/outreach/households/new").with(csrf()).with(community())
			.param("campaign", campaign).param("address", address).param("visitedOn", today().toString())
			.param("issues[0].kind", "SAFETY_HAZARD").param("issues[0].description", "楼道堆放易燃物")
			.param("issues[1].kind", "DISPUTE").param("issues[1].description", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("outreach/household-form"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("value=\"" + address + "\"", "value=\"楼道堆放易燃物\"", "请填写此项",
				"href=\"#issues[1].description\"");
		assertThat(jdbc.sql("SELECT count(*) FROM outreach_household_visit WHERE address = ?").param(address)
			.query(Long.class).single()).isZero();

		mvc.perform(post("/desk/outreach/households/new").with(csrf()).with(community())
			.param("campaign", campaign).param("address", address).param("visitedOn", today().toString())
			.param("issues[0].kind", "SAFETY_HAZARD").param("issues[0].description", "楼道堆放易燃物"))
			.andExpect(redirectedUrlPattern("/desk/outreach/households/new?campaign=ZF-*"));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM outreach_issue i JOIN outreach_household_visit h ON h.id = i.household_visit_id
				 WHERE h.address = ? AND i.kind = 'SAFETY_HAZARD'
				""").param(address).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anApplicationTakenAtAVisitIsADraftOfTheResidentOnlyWithConsentAndOnlyOnce() throws Exception {
		String reference = json(send(post(API + "/visits"), community(), visit("和平里 3 号"), null)).get("reference")
			.asString();
		JsonNode taken = json(send(post(API + "/visits/" + reference + "/application"), community(),
				Map.of("item", "ID_CARD_RENEWAL"), null));
		String application = taken.get("applicationReference").asString();
		assertThat(application).matches("SQ-\\d{4}-\\d{6}");
		assertThat(taken.get("services").toString()).contains("APPLICATION_TAKEN", "ID_PHOTO");
		assertThat(jdbc.sql("SELECT status FROM application WHERE reference = ?").param(application).query(String.class)
			.single()).isEqualTo("DRAFT");
		assertThat(send(post(API + "/visits/" + reference + "/application"), community(),
				Map.of("item", "ID_CARD_RENEWAL"), null).getResponse().getStatus()).isEqualTo(409);

		Map<String, Object> refused = visit("和平里 4 号");
		refused.put("consent", false);
		refused.remove("consentHow");
		refused.remove("consentOn");
		String without = json(send(post(API + "/visits"), community(), refused, null)).get("reference").asString();
		MvcResult noConsent = send(post(API + "/visits/" + without + "/application"), community(),
				Map.of("item", "ID_CARD_RENEWAL"), null);
		assertThat(noConsent.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(noConsent).get("errors").findValuesAsString("field")).containsExactly("item");
	}

	@Test
	void aHouseholdVisitRefusesIdentityAndMobileNumbersInItsText() throws Exception {
		String campaign = campaign(community(), today().minusDays(2), today().plusDays(9), 30);
		MvcResult refused = send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", "翠屏路 6 号 户主 138 0013 8000", "visitedOn", today().toString(), "issues",
						List.of(Map.of("kind", "OTHER", "description", "住户身份证 11010519491231002X 即将到期"))), null);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("address",
				"issues[0].description");
		assertThat(send(post(API + "/campaigns/" + campaign + "/households"), community(),
				Map.of("address", "翠屏路 6 号 3 单元 1201 室", "visitedOn", today().toString()), null).getResponse()
			.getStatus()).isEqualTo(201);
	}

	@Test
	void theDueListIsShownPerUnit() throws Exception {
		Map<String, Object> body = visit("青石路 1 号");
		body.put("resident", residents.registeredFirst(7).get(6).value().toString());
		body.put("visitedOn", today().minusWeeks(1).toString());
		body.put("consentOn", today().minusWeeks(1).toString());
		body.put("everyWeeks", "1");
		body.put("unit", "AN-DC-01-P1");
		send(post(API + "/visits"), community(), body, null);
		String plan = jdbc.sql("SELECT id FROM outreach_visit_plan WHERE unit_id = ? AND resident_id = ?")
			.params(DemoStaff.unitId("AN-DC-01-P1").value(), UUID.fromString((String) body.get("resident")))
			.query(UUID.class).single().toString();
		assertThat(mvc.perform(get("/desk/outreach").param("unit", "AN-DC-01-P1").with(community())).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"plan-" + plan + "\"");
		assertThat(mvc.perform(get("/desk/outreach").param("unit", "AN-DC-02").with(DemoStaff.chief2())).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"plan-" + plan + "\"");
		assertThat(json(mvc.perform(get(API + "/plans/due").param("unit", "AN-DC-01-P1").with(community())).andReturn())
			.findValuesAsString("id")).contains(plan);
	}
}
