package org.anning.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.anning.AnningTest;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An investment fraud from the resident's online report to the cleared case in headless Debian Chromium: the
 * resident reports with a loss and a receiving account; a case officer registers a case from the report, records
 * a freeze, a return and an apprehension of two people, and clears it; the resident sees the case's status and
 * the money returned to them.
 */
@Tag("browser")
@AnningTest
class CaseBrowserTests extends BrowserTest {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

	@Autowired
	Residents residents;

	@Test
	void investmentFraudFromOnlineReportToClearedCaseWithMoneyReturned() throws IOException {
		browser.manage().deleteAllCookies();
		String idNumber = idNumber("110105", LocalDate.of(1975, 1, 1));
		residents.register(new NewResident("赵静怡", idNumber, mobile("136"), PASSWORD));

		// The resident reports an investment fraud with the loss and the account the money went to.
		open("/signin");
		browser.findElement(By.id("username")).sendKeys(idNumber);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("signin")).click();
		waitFor(By.cssSelector("form[action$='/signout'] button"));
		open("/me/reports/new");
		assertThat(waitFor(By.id("emergency-banner")).getText()).contains("110");
		browser.findElement(By.id("kind-TELECOM_FRAUD")).click();
		new Select(browser.findElement(By.id("unit"))).selectByValue("AN-DC-01");
		setValue(browser.findElement(By.id("occurredAt")),
				LocalDateTime.now().minusDays(2).truncatedTo(ChronoUnit.MINUTES).toString());
		browser.findElement(By.id("place")).sendKeys("家中，通过手机操作");
		browser.findElement(By.id("narrative")).sendKeys("网友推荐一个投资理财平台，称稳赚不赔，先后转账三次共 50000 元，后来无法提现，客服失联。");
		browser.findElement(By.id("loss")).sendKeys("50000");
		new Select(browser.findElement(By.id("paymentMethod"))).selectByValue("BANK");
		browser.findElement(By.id("accounts0.institution")).sendKeys("某农村商业银行");
		browser.findElement(By.id("accounts0.account")).sendKeys("6228480012345678901");
		browser.findElement(By.id("accounts0.holder")).sendKeys("钱某");
		browser.findElement(By.id("submit-report")).click();
		String reference = waitFor(By.id("report-reference")).getText().strip();
		assertThat(reference).matches("BA-\\d{4}-\\d{6}");
		screenshot("case-reported");

		// A case officer registers a case from it, records a freeze, a return and two apprehended, and clears it.
		signInStaff("caseofficer");
		open("/desk/reports/" + reference);
		new Select(waitFor(By.id("category"))).selectByValue("FRAUD_INVESTMENT");
		browser.findElement(By.id("register-case")).click();
		WebElement eventType = waitFor(By.id("event-type"));
		String today = LocalDate.now().toString();
		record(eventType, "FREEZE", "30000", null, today);
		record(waitFor(By.id("event-type")), "RETURN", "20000", null, today);
		record(waitFor(By.id("event-type")), "APPREHENSION", null, "2", today);
		waitFor(By.id("cleared-how")).sendKeys("循线追踪资金流向，抓获犯罪嫌疑人 2 名");
		browser.findElement(By.id("clear")).click();
		waitFor(By.cssSelector(".notice"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("已破案");
		screenshot("case-cleared-desk");

		// The resident sees the case status and the money returned.
		open("/me/reports/" + reference);
		assertThat(waitFor(By.id("case-status")).getText()).contains("已破案");
		assertThat(browser.findElement(By.id("returned-amount")).getText()).containsAnyOf("20,000.00", "20000.00");
		assertThat(browser.findElement(By.id("case-number")).getText()).matches("AJ-\\d{4}-\\d{6}");
		screenshot("case-resident");
	}

	private void record(WebElement type, String kind, String amount, String people, String on) {
		new Select(type).selectByValue(kind);
		setValue(browser.findElement(By.id("event-on")), on);
		if (amount != null) {
			browser.findElement(By.id("event-amount")).clear();
			browser.findElement(By.id("event-amount")).sendKeys(amount);
		}
		if (people != null) {
			browser.findElement(By.id("event-people")).clear();
			browser.findElement(By.id("event-people")).sendKeys(people);
		}
		browser.findElement(By.id("record-event")).click();
		waitFor(By.cssSelector(".notice"));
	}

	private static void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
	}
}
