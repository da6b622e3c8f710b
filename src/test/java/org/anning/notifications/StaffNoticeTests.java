package org.anning.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.EventsSettled;
import org.anning.accounts.Role;
import org.anning.mediation.Events.HighRiskDisputeReported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Staff notices: a high-risk dispute tells the station chief of its unit, once, on the desk and in the API; read
 * or unread is per account; a notice addressed elsewhere is not found.
 */
@AnningTest
class StaffNoticeTests {

	static final String NOTICES = "/api/v1/notices";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void aHighRiskDisputeAtAStationGivesOneNoticeToItsChiefAndNoneToTheChiefOfTheSiblingStation() {
		String ref = receiveHighRisk();
		settle();

		List<JsonNode> chiefs = about(ref, list(DemoStaff.chief(), "zh-CN"));
		assertThat(chiefs).singleElement().satisfies(n -> {
			assertThat(n.get("message").asString()).contains(ref).contains("高风险");
			assertThat(n.get("link").asString()).isEqualTo("/desk/mediation/" + ref);
			assertThat(n.get("kind").asString()).isEqualTo("mediation-high-risk");
		});
		assertThat(about(ref, list(DemoStaff.chief2(), "zh-CN"))).isEmpty();
		// Addressed to the chief's role: the station's mediator and the command centre are not told.
		assertThat(about(ref, list(DemoStaff.as("mediator", "AN-DC-01", Role.MEDIATOR), "zh-CN"))).isEmpty();
		assertThat(about(ref, list(DemoStaff.command(), "zh-CN"))).isEmpty();
		// Whoever holds the post sees it: another chief account of the same station.
		assertThat(about(ref, list(freshChief(), "zh-CN"))).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM staff_notice WHERE link = ?").param("/desk/mediation/" + ref)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSameEventHandledTwiceGivesOneNoticeWhileAReportOnAnotherDayIsNewsAgain() {
		UUID dispute = UUID.randomUUID();
		String ref = fakeReference();
		UUID unit = DemoStaff.unitId("AN-DC-01").value();
		LocalDate today = LocalDate.now(clock);
		var event = new HighRiskDisputeReported(dispute, unit, ref, today.minusDays(1));

		publish(event);
		settle();
		publish(event); // delivered again, as after a restart
		settle();
		assertThat(about(ref, list(DemoStaff.chief(), "zh-CN"))).hasSize(1);

		publish(new HighRiskDisputeReported(dispute, unit, ref, today));
		settle();
		assertThat(about(ref, list(DemoStaff.chief(), "zh-CN"))).hasSize(2);
	}

	@Test
	void theDeskPageListsTheNoticeAndMarksItReadForThatAccountOnly() {
		String ref = publishFake();
		RequestPostProcessor me = freshChief();
		RequestPostProcessor colleague = freshChief();
		String id = about(ref, list(me, "zh-CN")).get(0).get("id").asString();

		assertThat(mvc.get().uri("/desk/notices").with(me)).hasStatusOk()
			.bodyText()
			.contains("本所矛盾纠纷 " + ref)
			.contains("href=\"/desk/mediation/" + ref + "\"")
			.contains("id=\"notice-" + id + "\" class=\"unread\"")
			.contains("action=\"/desk/notices/" + id + "/read\"");
		assertThat(mvc.get().uri("/desk/notices").param("lang", "en").with(me)).hasStatusOk()
			.bodyText()
			.contains("Dispute " + ref + " of your station was assessed on")
			.contains("Mark all read");

		assertThat(mvc.post().uri("/desk/notices/" + id + "/read").with(me)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/desk/notices/" + id + "/read").with(me).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/notices");
		assertThat(mvc.get().uri("/desk/notices").with(me)).hasStatusOk()
			.bodyText()
			.contains("id=\"notice-" + id + "\" class=\"read\"")
			.doesNotContain("action=\"/desk/notices/" + id + "/read\"");
		assertThat(mvc.get().uri("/desk/notices").with(colleague)).hasStatusOk()
			.bodyText()
			.contains("id=\"notice-" + id + "\" class=\"unread\"");

		assertThat(mvc.post().uri("/desk/notices/" + id + "/read").with(DemoStaff.chief2()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/desk/notices/not-a-notice/read").with(me).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);

		assertThat(mvc.post().uri("/desk/notices/read-all").with(colleague).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/desk/notices");
		assertThat(mvc.get().uri("/desk/notices").with(colleague)).hasStatusOk()
			.bodyText()
			.contains("id=\"notice-" + id + "\" class=\"read\"")
			.doesNotContain("class=\"unread\"");
	}

	@Test
	void theDeskHomeAndNavigationShowHowManyNoticesAreUnread() {
		settle(); // nothing from earlier tests still on its way
		RequestPostProcessor me = freshChief();
		assertThat(mvc.post().uri(NOTICES + "/read-all").with(me)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/desk").with(me)).hasStatusOk()
			.bodyText()
			.contains("我的通知：0 条未读")
			.contains(">通知</a>");

		publishFake();
		assertThat(mvc.get().uri("/desk").with(me)).hasStatusOk()
			.bodyText()
			.contains("我的通知：1 条未读")
			.contains(">通知（1）</a>");
		assertThat(mvc.get().uri("/desk").param("lang", "en").with(me)).hasStatusOk()
			.bodyText()
			.contains("My notices: 1 unread")
			.contains(">Notices (1)</a>");
		// Every staff user has the link, with the count of what is addressed to them.
		assertThat(mvc.get().uri("/desk").with(DemoStaff.frontDesk())).hasStatusOk()
			.bodyText()
			.contains("href=\"/desk/notices\"");
	}

	@Test
	void theApiListsMarksOneAndMarksAllReadForTheCaller() {
		String ref = publishFake();
		String other = publishFake();
		RequestPostProcessor me = freshChief();
		JsonNode notice = about(ref, list(me, "en")).get(0);
		String id = notice.get("id").asString();
		assertThat(notice.get("read").asBoolean()).isFalse();
		assertThat(notice.get("message").asString()).startsWith("Dispute " + ref + " of your station");
		assertThat(notice.get("createdAt").asString()).isNotEmpty();

		assertThat(mvc.post().uri(NOTICES + "/" + id + "/read").with(me)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(about(ref, list(me, "en")).get(0).get("read").asBoolean()).isTrue();
		assertThat(about(other, list(me, "en")).get(0).get("read").asBoolean()).isFalse();

		assertThat(mvc.post().uri(NOTICES + "/" + id + "/read").with(DemoStaff.chief2()))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.post().uri(NOTICES + "/" + UUID.randomUUID() + "/read").with(me))
			.hasStatus(HttpStatus.NOT_FOUND);

		assertThat(mvc.post().uri(NOTICES + "/read-all").with(me)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(list(me, "en")).allSatisfy(n -> assertThat(n.get("read").asBoolean()).isTrue());
		assertThat(about(other, list(freshChief(), "en")).get(0).get("read").asBoolean()).isFalse();
	}

	@Test
	void theApiNeedsAStaffToken() {
		assertThat(mvc.get().uri(NOTICES)).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri(NOTICES).header("Authorization", "Bearer " + DemoStaff.ADMIN_TOKEN)).hasStatusOk();
	}

	// ---- Helpers

	/** Receives a high-risk neighbour dispute at AN-DC-01 through the mediation API; returns its TJ number. */
	private String receiveHighRisk() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "WALK_IN");
		body.put("category", "NEIGHBOURS");
		body.put("account", "楼上装修噪音持续到深夜，双方多次争吵");
		body.put("risk", "HIGH");
		body.put("riskReason", "一方扬言报复");
		body.put("receivedOn", LocalDate.now(clock).toString());
		body.put("parties", List.of(Map.of("role", "APPLICANT", "name", "张三丰", "contact", "13812345678"),
				Map.of("role", "RESPONDENT", "name", "李四海", "contact", "")));
		MvcTestResult created = mvc.post()
			.uri("/api/v1/mediation/disputes")
			.with(DemoStaff.as("mediator", "AN-DC-01", Role.MEDIATOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return read(created).get("reference").asString();
	}

	/** Publishes a high-risk report of a made-up dispute at AN-DC-01 and waits for it; returns its reference. */
	private String publishFake() {
		String ref = fakeReference();
		publish(new HighRiskDisputeReported(UUID.randomUUID(), DemoStaff.unitId("AN-DC-01").value(), ref,
				LocalDate.now(clock)));
		settle();
		return ref;
	}

	private List<JsonNode> list(RequestPostProcessor who, String language) {
		MvcTestResult result = mvc.get().uri(NOTICES).with(who).header("Accept-Language", language).exchange();
		assertThat(result).hasStatusOk();
		JsonNode array = read(result);
		assertThat(array.size()).isLessThanOrEqualTo(StaffNotices.MAX_LISTED);
		List<JsonNode> all = new java.util.ArrayList<>();
		array.forEach(all::add);
		return all;
	}

	private static List<JsonNode> about(String ref, List<JsonNode> notices) {
		return notices.stream().filter(n -> n.get("message").asString().contains(ref)).toList();
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private void settle() {
		EventsSettled.module(jdbc, "org.anning.notifications.");
	}

	/** A station chief of AN-DC-01 who has read nothing yet. */
	private static RequestPostProcessor freshChief() {
		return DemoStaff.as("chief-" + UUID.randomUUID(), "AN-DC-01", Role.STATION_CHIEF);
	}

	private static String fakeReference() {
		return "TJ-TEST-" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
	}

	private static JsonNode read(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
