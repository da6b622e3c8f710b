package org.anning.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.residents.IdentityNumber;
import org.anning.residents.NewResident;
import org.anning.residents.Resident;
import org.anning.residents.ResidentPrincipal;
import org.anning.residents.Residents;
import org.anning.services.ApplicationStatus;
import org.anning.services.ApplicationStatusChanged;
import org.anning.services.RectificationAnswered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class NotificationTests {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

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

	@Test
	void anAcceptedApplicationLandsInTheApplicantsInboxOnce() {
		Resident resident = register();
		UUID application = UUID.randomUUID();
		String reference = reference();
		var accepted = new ApplicationStatusChanged(application, resident.id().value(), reference,
				ApplicationStatus.ACCEPTED);

		publish(accepted);
		awaitEntries(resident, 1);
		publish(accepted); // delivered again, as after a restart
		publish(new ApplicationStatusChanged(application, resident.id().value(), reference, ApplicationStatus.DRAFT));
		publish(new RectificationAnswered(UUID.randomUUID(), UUID.randomUUID(), reference())); // someone else's

		awaitDelivered(reference, 3);
		List<Notification> entries = inbox.of(resident.id().value());
		assertThat(entries).singleElement().satisfies(n -> {
			assertThat(n.messageKey()).isEqualTo("notifications.application.ACCEPTED");
			assertThat(n.args()).containsExactly(reference);
			assertThat(n.link()).isEqualTo("/me/applications/" + reference);
			assertThat(n.read()).isFalse();
		});
		assertThat(inbox.unread(resident.id().value())).isEqualTo(1);
	}

	@Test
	void aSecondReturnAfterResubmissionIsANewEntry() {
		Resident resident = register();
		UUID application = UUID.randomUUID();
		String reference = reference();

		int expected = 0;
		for (ApplicationStatus status : List.of(ApplicationStatus.RETURNED, ApplicationStatus.SUBMITTED,
				ApplicationStatus.RETURNED)) {
			// Counted before publishing: the listener may have stored the entry before the count is read.
			expected++;
			publish(new ApplicationStatusChanged(application, resident.id().value(), reference, status));
			awaitEntries(resident, expected);
		}
		publish(new RectificationAnswered(application, resident.id().value(), reference));
		awaitEntries(resident, 4);

		assertThat(inbox.of(resident.id().value())).extracting(Notification::messageKey)
			.containsExactly("notifications.application.RECTIFICATION", "notifications.application.RETURNED",
					"notifications.application.SUBMITTED", "notifications.application.RETURNED");
	}

	@Test
	void thePageListsTheEntryInChineseAndEnglishAndMarksItReadAfterPost() {
		Resident resident = register();
		String reference = reference();
		publish(new ApplicationStatusChanged(UUID.randomUUID(), resident.id().value(), reference,
				ApplicationStatus.ACCEPTED));
		awaitEntries(resident, 1);

		assertThat(mvc.get().uri("/me/notifications").with(as(resident))).hasStatusOk()
			.bodyText()
			.contains("您的申请 " + reference + " 已受理")
			.contains("href=\"/me/applications/" + reference + "\"")
			.contains("class=\"unread\"")
			.contains("未读");
		assertThat(mvc.get().uri("/me/notifications").param("lang", "en").with(as(resident))).hasStatusOk()
			.bodyText()
			.contains("Your application " + reference + " has been accepted")
			.contains("Mark all read");

		assertThat(mvc.post().uri("/me/notifications/read").with(as(resident)).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/me/notifications");
		assertThat(inbox.unread(resident.id().value())).isZero();
		assertThat(mvc.get().uri("/me/notifications").with(as(resident))).hasStatusOk()
			.bodyText()
			.contains("class=\"read\"")
			.doesNotContain("class=\"unread\"");
	}

	@Test
	void markingReadNeedsTheCsrfToken() {
		Resident resident = register();

		assertThat(mvc.post().uri("/me/notifications/read").with(as(resident))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void thePageNeedsASignedInResident() {
		assertThat(mvc.get().uri("/me/notifications")).hasStatus(HttpStatus.FOUND);
	}

	@Test
	void theApiListsTheEntryForTheResidentsTokenOnlyAndMarksItRead() throws Exception {
		NewResident draft = draft();
		Resident resident = residents.register(draft);
		NewResident otherDraft = draft();
		residents.register(otherDraft);
		String reference = reference();
		publish(new ApplicationStatusChanged(UUID.randomUUID(), resident.id().value(), reference,
				ApplicationStatus.RETURNED));
		awaitEntries(resident, 1);
		String token = token(draft);
		String otherToken = token(otherDraft);

		MvcTestResult list = mvc.get()
			.uri("/api/v1/me/notifications")
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.exchange();
		assertThat(list).hasStatusOk();
		assertThat(list).bodyJson().extractingPath("$.length()").isEqualTo(1);
		assertThat(list).bodyJson()
			.extractingPath("$[0].message")
			.isEqualTo("Your application " + reference + " needs more materials: read the list of what to supplement.");
		assertThat(list).bodyJson().extractingPath("$[0].link").isEqualTo("/me/applications/" + reference);
		assertThat(list).bodyJson().extractingPath("$[0].read").isEqualTo(false);
		assertThat(list).bodyJson().extractingPath("$[0].createdAt").isNotNull();
		assertThat(mvc.get().uri("/api/v1/me/notifications").header("Authorization", "Bearer " + token))
			.bodyJson()
			.extractingPath("$[0].message")
			.isEqualTo("您的申请 " + reference + " 需要补正材料，请查看一次性补正告知清单。");

		assertThat(mvc.get().uri("/api/v1/me/notifications").header("Authorization", "Bearer " + otherToken))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(0);

		assertThat(mvc.post().uri("/api/v1/me/notifications/read").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/me/notifications").header("Authorization", "Bearer " + token))
			.bodyJson()
			.extractingPath("$[0].read")
			.isEqualTo(true);
	}

	@Test
	void theApiNeedsAResidentsToken() {
		assertThat(mvc.get().uri("/api/v1/me/notifications")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get()
			.uri("/api/v1/me/notifications")
			.header("Authorization", "Bearer " + org.anning.DemoStaff.ADMIN_TOKEN)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	/** Waits until every listener has handled the given number of events about this reference. */
	private void awaitDelivered(String reference, int events) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
				SELECT count(*) FILTER (WHERE completion_date IS NOT NULL) >= ? AND count(*) FILTER (WHERE completion_date IS NULL) = 0
				  FROM event_publication WHERE serialized_event LIKE ? AND listener_id LIKE '%org.anning.notifications.%'
				""").params(events, "%" + reference + "%").query(Boolean.class).single());
	}

	private void awaitEntries(Resident resident, int count) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> inbox.of(resident.id().value()).size() >= count);
	}

	private Resident register() {
		return residents.register(draft());
	}

	private static NewResident draft() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		String first17 = "320106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
		String mobile = "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
		return new NewResident("周安然", first17 + IdentityNumber.checkCharacter(first17), mobile, PASSWORD);
	}

	private static String reference() {
		return "SH" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
	}

	private static RequestPostProcessor as(Resident resident) {
		ResidentPrincipal principal = resident.principal();
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(ResidentPrincipal.ROLE))));
	}

	private String token(NewResident draft) throws Exception {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/residents/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("username", draft.idNumber(), "password", PASSWORD)))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return JSON.readTree(result.getResponse().getContentAsByteArray()).get("token").asString();
	}
}
