package org.anning.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.EventsSettled;
import org.anning.accounts.Role;
import org.anning.mediation.Events.RequesterInformed;
import org.anning.residents.IdentityNumber;
import org.anning.residents.NewResident;
import org.anning.residents.Resident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
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

/** Residents who asked for mediation online hear in their inbox how their request moves on, once per step. */
@AnningTest
class MediationNotificationTests {

	static final String DISPUTES = "/api/v1/mediation/disputes";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Residents residents;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	MessageSource messages;

	@Test
	void aResidentWhoAskedOnlineHearsOfTheReceiptTheSessionAndTheAgreement() {
		NewResident draft = draft();
		Resident resident = residents.register(draft);
		String token = token(draft);

		MvcTestResult asked = mvc.post()
			.uri("/api/v1/me/mediation")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("unit", "AN-DC-01", "category", "NEIGHBOURS", "account",
					"邻居家狗夜里一直叫", "me", Map.of("name", "周安然", "contact", "13912345678"), "otherSide",
					Map.of("name", "隔壁王某"))))
			.exchange();
		assertThat(asked).hasStatus(HttpStatus.CREATED);
		String ref = read(asked).get("reference").asString();
		settle();
		assertThat(keys(resident)).containsExactly("notifications.mediation.RECEIVED");

		assertThat(post(DISPUTES + "/" + ref + "/sessions", Map.of("attended", "双方当事人、调解员", "notes",
				"释法说理"))).hasStatusOk();
		settle();
		assertThat(keys(resident)).containsExactly("notifications.mediation.SESSION",
				"notifications.mediation.RECEIVED");

		LocalDate today = LocalDate.now(clock);
		assertThat(post(DISPUTES + "/" + ref + "/agreement", Map.of("agreedOn", today.toString(), "terms",
				List.of(Map.of("party", "王某", "obligation", "夜间将狗关在室内")))))
			.hasStatusOk();
		settle();
		List<Notification> entries = inbox.of(resident.id().value());
		assertThat(entries).extracting(Notification::messageKey)
			.containsExactly("notifications.mediation.AGREEMENT", "notifications.mediation.SESSION",
					"notifications.mediation.RECEIVED");
		assertThat(entries).allSatisfy(n -> {
			assertThat(n.args()).containsExactly(ref);
			assertThat(n.link()).isEqualTo("/me/mediation/" + ref);
			assertThat(n.read()).isFalse();
		});

		MvcTestResult listed = mvc.get()
			.uri("/api/v1/me/notifications")
			.header("Authorization", "Bearer " + token)
			.exchange();
		assertThat(listed).bodyJson()
			.extractingPath("$[0].message")
			.isEqualTo("您的调解申请 " + ref + " 已达成调解协议，请查看协议内容。");
		assertThat(mvc.get().uri("/api/v1/me/notifications").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")).bodyJson()
			.extractingPath("$[1].message")
			.isEqualTo("A mediation session has been held on your request " + ref + "; see how it is going.");
	}

	@Test
	void theSameNewsDeliveredAgainIsStoredOnceAndASecondSessionIsNewsAgain() {
		Resident resident = residents.register(draft());
		String ref = "TJ-TEST-" + System.nanoTime();
		var first = new RequesterInformed(resident.id().value(), ref, "SESSION", "session:1");

		publish(first);
		settle();
		publish(first); // delivered again, as after a restart
		settle();
		assertThat(keys(resident)).containsExactly("notifications.mediation.SESSION");

		publish(new RequesterInformed(resident.id().value(), ref, "SESSION", "session:2"));
		settle();
		assertThat(keys(resident)).containsExactly("notifications.mediation.SESSION",
				"notifications.mediation.SESSION");
	}

	@Test
	void staffTakingADisputeWithoutAResidentWritesToNoInbox() {
		settle(); // nothing from earlier tests still on its way
		long before = jdbc.sql("SELECT count(*) FROM notification WHERE kind = ?").param(MediationNotifications.KIND)
			.query(Long.class).single();
		Map<String, Object> body = Map.of("channel", "WALK_IN", "category", "LABOUR_WAGES", "account", "工资拖欠三个月",
				"risk", "LOW", "parties",
				List.of(Map.of("role", "APPLICANT", "name", "赵工"), Map.of("role", "RESPONDENT", "name", "某公司")));
		MvcTestResult created = post(DISPUTES, body);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String ref = read(created).get("reference").asString();
		assertThat(post(DISPUTES + "/" + ref + "/sessions", Map.of("attended", "双方", "notes", "协商"))).hasStatusOk();
		settle();
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE kind = ?").param(MediationNotifications.KIND)
			.query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void everyKindOfNewsHasItsMessageInChineseAndEnglish() {
		for (String what : List.of("RECEIVED", "SESSION", "AGREEMENT", "NO_AGREEMENT", "WITHDRAWN", "FOLLOWED_UP",
				"REOPENED")) {
			String key = "notifications.mediation." + what;
			assertThat(messages.getMessage(key, new Object[] { "TJ-2026-000001" }, null, Locale.SIMPLIFIED_CHINESE))
				.as(key).contains("TJ-2026-000001").containsPattern("\\p{IsHan}");
			assertThat(messages.getMessage(key, new Object[] { "TJ-2026-000001" }, null, Locale.ENGLISH))
				.as(key).contains("TJ-2026-000001").doesNotContainPattern("\\p{IsHan}");
		}
	}

	// ---- Helpers

	private List<String> keys(Resident resident) {
		return inbox.of(resident.id().value()).stream().map(Notification::messageKey).toList();
	}

	private MvcTestResult post(String uri, Object body) {
		RequestPostProcessor mediator = DemoStaff.as("mediator", "AN-DC-01", Role.MEDIATOR);
		return mvc.post().uri(uri).with(mediator).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)).exchange();
	}

	private static NewResident draft() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		String first17 = "320106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ "%03d".formatted(random.nextInt(1000));
		String mobile = "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
		return new NewResident("周安然", first17 + IdentityNumber.checkCharacter(first17), mobile,
				NotificationTests.PASSWORD);
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private void settle() {
		EventsSettled.module(jdbc, "org.anning.notifications.");
	}

	private String token(NewResident draft) {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/residents/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("username", draft.idNumber(), "password", draft.password())))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return read(result).get("token").asString();
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
