package org.anning.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.anning.AnningTest;
import org.anning.EventsSettled;
import org.anning.indicators.Indicator;
import org.anning.indicators.Indicators;
import org.anning.indicators.Records;
import org.anning.mediation.Category;
import org.anning.mediation.Disputes;
import org.anning.mediation.DisputeStatus;
import org.anning.mediation.Outcome;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitScope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbour dispute from the resident's online request to the follow-up visit in headless Debian Chromium: the
 * resident asks for mediation; the mediator records a session and an agreement with one term and prints the
 * agreement, whose Chinese text can be extracted; the clock moves to the day the follow-up falls due, the dispute
 * shows in the follow-up queue with that date, and the mediator records that the agreement was carried out. The
 * agreement rate of the station for the month of the agreement, and its follow-up rate for the month the
 * follow-up fell due, move by exactly one agreement and one follow-up done on time.
 * <p>
 * Time has to pass here, so this class moves the application's clock: it runs in a context of its own.
 */
@Tag("browser")
@AnningTest
class MediationBrowserTests extends BrowserTest {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

	static final String STATION = "AN-DC-01";

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final Pattern REFERENCE = Pattern.compile("TJ-\\d{4}-\\d{6}");

	@Autowired
	Residents residents;

	@Autowired
	Disputes disputes;

	@Autowired
	Indicators indicators;

	@Autowired
	Organisation organisation;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.anning.MovableClock clock;

	@AfterEach
	void putTheClockBack() {
		clock.reset();
	}

	@Test
	void neighbourDisputeFromOnlineRequestThroughPrintedAgreementToFollowUpMovesTheStationsRates()
			throws IOException, InterruptedException {
		browser.manage().deleteAllCookies();
		LocalDate today = LocalDate.now(clock);
		LocalDate followUpDue = today.plusDays(disputes.followUpDays());
		YearMonth month = YearMonth.from(today);
		YearMonth dueMonth = YearMonth.from(followUpDue);

		// Before: the drill-down counts behind both rates, which the figures must agree with.
		EventsSettled.rollups(jdbc);
		Counts agreementsBefore = counts(Indicator.MEDIATION_AGREEMENT_RATE, month);
		Counts followUpsBefore = counts(Indicator.MEDIATION_FOLLOWED_UP_RATE, dueMonth);
		assertThat(figure(Indicator.MEDIATION_AGREEMENT_RATE, month)).isEqualTo(agreementsBefore.rate());
		assertThat(figure(Indicator.MEDIATION_FOLLOWED_UP_RATE, dueMonth)).isEqualTo(followUpsBefore.rate());

		// A resident asks for mediation of a quarrel with the neighbour upstairs.
		String idNumber = idNumber("110105", LocalDate.of(1968, 1, 1));
		String mobile = mobile("139");
		residents.register(new NewResident("周丽华", idNumber, mobile, PASSWORD));
		open("/signin");
		browser.findElement(By.id("username")).sendKeys(idNumber);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("signin")).click();
		waitFor(By.cssSelector("form[action$='/signout'] button"));
		open("/me/mediation/new");
		new Select(waitFor(By.id("unit"))).selectByValue(STATION);
		browser.findElement(By.id("category-" + Category.NEIGHBOURS.name())).click();
		String account = "楼上住户卫生间漏水，渗到我家天花板，多次协商未果，希望派出所帮忙调解。";
		browser.findElement(By.id("account")).sendKeys(account);
		assertThat(browser.findElement(By.id("parties0.name")).getAttribute("value")).isEqualTo("周丽华");
		browser.findElement(By.id("parties0.contact")).sendKeys(mobile);
		browser.findElement(By.id("parties1.name")).sendKeys("吴建军");
		browser.findElement(By.id("parties1.contact")).sendKeys(mobile("138"));
		browser.findElement(By.id("submit-request")).click();
		waitFor(By.cssSelector(".notice"));
		String reference = reference(browser.findElement(By.cssSelector("#main h1")).getText());
		assertThat(browser.getCurrentUrl()).endsWith("/me/mediation/" + reference);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(text(DisputeStatus.IN_MEDIATION.messageKey()));
		assertThat(browser.findElement(By.id("category")).getText()).isEqualTo(text(Category.NEIGHBOURS.messageKey()));
		screenshot("mediation-requested");

		// The mediator opens it from the desk and records a session.
		signInStaff("mediator");
		open("/desk");
		waitFor(By.cssSelector("nav[aria-label=desk] a[href='/desk/mediation']")).click();
		assertThat(waitFor(By.id("queue-heading")).getText()).isEqualTo(text("mediation.queue.IN_MEDIATION"));
		waitFor(By.linkText(reference)).click();
		assertThat(waitFor(By.id("reference")).getText()).isEqualTo(reference);
		assertThat(browser.findElement(By.id("account")).getText()).isEqualTo(account);
		waitFor(By.id("attended")).sendKeys("申请人、被申请人、调解员");
		browser.findElement(By.cssSelector("#session-mediators input[type=checkbox]")).click();
		browser.findElement(By.id("notes")).sendKeys("双方到场查看漏水位置，释法说理后同意协商解决。");
		browser.findElement(By.id("record-session")).click();
		waitFor(By.cssSelector(".notice"));
		assertThat(waitFor(By.id("sessions")).getText()).contains(today.toString(), "双方到场查看漏水位置");

		// An agreement with one term, which closes the dispute with its follow-up due N days later.
		String term = "修复卫生间防水并赔偿维修费八百元";
		waitFor(By.id("terms0.party")).sendKeys("吴建军");
		browser.findElement(By.id("terms0.obligation")).sendKeys(term);
		setValue(browser.findElement(By.id("terms0.dueBy")), today.plusDays(7).toString());
		browser.findElement(By.id("record-agreement")).click();
		waitFor(By.cssSelector(".notice"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(text(Outcome.AGREEMENT.messageKey()));
		assertThat(browser.findElement(By.cssSelector("#agreement-0 .terms")).getText()).contains("吴建军", term);
		assertThat(browser.findElement(By.id("follow-up-0")).getText()).contains(followUpDue.toString());
		screenshot("mediation-agreement-desk");

		// The printed agreement: a PDF whose Chinese text can be extracted.
		String href = browser.findElement(By.id("agreement-pdf")).getAttribute("href");
		HttpResponse<byte[]> pdf = fetchWithBrowserCookies(href);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
		String extracted;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			extracted = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
		assertThat(extracted).contains(text("mediation.pdf.title"), reference, "周丽华", "吴建军", term,
				followUpDue.toString());

		// The resident sees the agreement and when the follow-up visit is due.
		open("/me/mediation/" + reference);
		assertThat(waitFor(By.id("agreement-0")).getText()).contains(term);
		assertThat(browser.findElement(By.id("follow-up-0")).getText()).contains(followUpDue.toString());
		screenshot("mediation-agreement-resident");

		// Until then the follow-up is not due.
		open("/desk/mediation?queue=FOLLOW_UP_DUE&category=" + Category.NEIGHBOURS.name());
		waitFor(By.id("queue-heading"));
		assertThat(browser.findElements(By.id("line-" + reference))).isEmpty();

		// The day it falls due, the dispute is in the follow-up queue with its due date.
		clock.moveTo(followUpDue);
		open("/desk/mediation?queue=FOLLOW_UP_DUE&category=" + Category.NEIGHBOURS.name());
		WebElement line = waitFor(By.id("line-" + reference));
		assertThat(line.getText()).contains(followUpDue.toString());
		assertThat(line.findElement(By.id("follow-up-due-" + reference)).getText())
			.isEqualTo(text("mediation.desk.badge.followUpDue"));
		screenshot("mediation-follow-up-due");

		// The mediator records that the agreement was carried out, on the due date.
		line.findElement(By.linkText(reference)).click();
		assertThat(waitFor(By.id("followedUpOn")).getAttribute("value")).isEqualTo(followUpDue.toString());
		browser.findElement(By.id("carriedOut-true")).click();
		browser.findElement(By.id("record-follow-up")).click();
		waitFor(By.cssSelector(".notice"));
		assertThat(browser.findElement(By.id("follow-up-0")).getText())
			.isEqualTo(text("mediation.desk.followUp.carried", followUpDue));
		assertThat(browser.findElements(By.id("follow-up-form"))).isEmpty();
		screenshot("mediation-followed-up");
		open("/desk/mediation?queue=FOLLOW_UP_DUE&category=" + Category.NEIGHBOURS.name());
		waitFor(By.id("queue-heading"));
		assertThat(browser.findElements(By.id("line-" + reference))).isEmpty();

		// After: one more closed with agreement this month; one more follow-up due, and done on time, in its month.
		EventsSettled.rollups(jdbc);
		Counts agreementsAfter = counts(Indicator.MEDIATION_AGREEMENT_RATE, month);
		Counts followUpsAfter = counts(Indicator.MEDIATION_FOLLOWED_UP_RATE, dueMonth);
		assertThat(agreementsAfter).isEqualTo(agreementsBefore.plusOne());
		assertThat(followUpsAfter).isEqualTo(followUpsBefore.plusOne());
		assertThat(figure(Indicator.MEDIATION_AGREEMENT_RATE, month)).isEqualTo(agreementsBefore.plusOne().rate());
		assertThat(figure(Indicator.MEDIATION_FOLLOWED_UP_RATE, dueMonth)).isEqualTo(followUpsBefore.plusOne().rate());
		assertThat(records(Indicator.MEDIATION_AGREEMENT_RATE, month).numerator().lines())
			.anySatisfy(l -> assertThat(l.number()).isEqualTo(reference));
		assertThat(records(Indicator.MEDIATION_FOLLOWED_UP_RATE, dueMonth).numerator().lines())
			.anySatisfy(l -> assertThat(l.number()).isEqualTo(reference));
	}

	/** The numerator and denominator of a rate, as the drill-down counts them. */
	record Counts(long numerator, long denominator) {

		Counts plusOne() {
			return new Counts(numerator + 1, denominator + 1);
		}

		/** The rate as the figures give it: numerator × 100 / denominator, rounded half up to two decimals. */
		BigDecimal rate() {
			return denominator == 0 ? null
					: BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
						.divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL128)
						.setScale(2, RoundingMode.HALF_UP);
		}
	}

	private Counts counts(Indicator indicator, YearMonth month) {
		Records records = records(indicator, month);
		return new Counts(records.numerator().total(), records.denominator().total());
	}

	private Records records(Indicator indicator, YearMonth month) {
		return indicators.records(indicator.id(), STATION, month.atDay(1).toString(), month.atEndOfMonth().toString(),
				0, 500, everything());
	}

	private BigDecimal figure(Indicator indicator, YearMonth month) {
		return indicators.compute(STATION, month.atDay(1).toString(), month.atEndOfMonth().toString(), null,
				indicator.id(), everything()).indicators().get(0).value();
	}

	private UnitScope everything() {
		return new UnitScope(organisation.all().stream().map(Unit::id).collect(Collectors.toSet()));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, CHINESE);
	}

	private static String reference(String heading) {
		Matcher matcher = REFERENCE.matcher(heading);
		assertThat(matcher.find()).as("a reference in %s", heading).isTrue();
		return matcher.group();
	}

	/** Fetches a page as the browser would, with the browser's cookies (the staff sign-in). */
	private static HttpResponse<byte[]> fetchWithBrowserCookies(String url) throws IOException, InterruptedException {
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
			.timeout(Duration.ofSeconds(30)).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
	}
}
