package org.anning.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.residents.Residents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline capture in headless Debian Chromium: a community officer opens a campaign and the household form; with
 * the browser's network cut (DevTools network emulation) the officer records two household visits, which wait on
 * the device and never reach the server; back online, both arrive exactly once.
 */
@Tag("browser")
@AnningTest
class OutreachBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Residents residents;

	@Test
	void twoHouseholdVisitsRecordedOfflineReachTheServerExactlyOnceBackOnline() throws IOException {
		signedIn();

		// A campaign of the officer's station, running this month.
		open("/desk/outreach/campaigns/new");
		waitFor(By.id("name")).sendKeys("入户走访（离线测试）");
		browser.findElement(By.id("target")).sendKeys("80");
		browser.findElement(By.id("save-campaign")).click();
		waitFor(By.id("log-household")).click();
		waitFor(By.id("address"));
		String campaign = new Select(browser.findElement(By.id("campaign"))).getFirstSelectedOption().getDomAttribute("value");
		assertThat(campaign).matches("ZF-\\d{4}-\\d{6}");
		((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));");

		// The network goes.
		network(true);
		waitUntil("return navigator.onLine === false");
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String first = "幸福路 " + tag + " 号 1 单元 101 室";
		String second = "幸福路 " + tag + " 号 2 单元 202 室";
		record(first, "DISPUTE", "邻里因停车位发生争执");
		waitUntil("return document.querySelectorAll('#outbox li').length === 1");
		record(second, null, null);
		waitUntil("return document.querySelectorAll('#outbox li').length === 2");
		assertThat(browser.findElement(By.id("outbox-count")).getText()).contains("2");
		assertThat(browser.findElement(By.id("outbox")).getText()).contains(first, second);
		screenshot("outreach-offline-outbox");
		assertThat(count(first) + count(second)).isZero();

		// The network is back: both arrive, once each, and the outbox empties.
		network(false);
		try {
			waitUntil("return document.querySelectorAll('#outbox li').length === 0", 15);
		}
		catch (org.openqa.selenium.TimeoutException e) {
			browser.findElement(By.id("sync-now")).click(); // the online event was missed: send by hand
			waitUntil("return document.querySelectorAll('#outbox li').length === 0", 30);
		}
		screenshot("outreach-online-synced");
		assertThat(count(first)).isEqualTo(1);
		assertThat(count(second)).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM outreach_issue i JOIN outreach_household_visit h ON h.id = i.household_visit_id
				 WHERE h.address = ? AND i.kind = 'DISPUTE'
				""").param(first).query(Long.class).single()).isEqualTo(1);

		// Sending again changes nothing.
		browser.findElement(By.id("sync-now")).click();
		browser.navigate().refresh();
		waitFor(By.id("address"));
		assertThat(count(first)).isEqualTo(1);
		assertThat(count(second)).isEqualTo(1);
		assertThat(browser.findElements(By.cssSelector("#outbox li"))).isEmpty();
	}

	@Test
	void aServiceVisitRecordedOfflineArrivesOnceWithItsConsentAndServices() {
		signedIn();
		open("/desk/outreach/visits/new");
		waitFor(By.id("place"));
		((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));");
		network(true);
		waitUntil("return navigator.onLine === false");
		String place = "养老院 " + UUID.randomUUID().toString().substring(0, 6) + " 房间";
		browser.findElement(By.id("resident")).sendKeys(residents.registeredFirst(3).get(2).value().toString());
		new Select(browser.findElement(By.id("reason"))).selectByValue("DISABLED");
		browser.findElement(By.id("consent-yes")).click();
		new Select(browser.findElement(By.id("consentHow"))).selectByValue("GUARDIAN");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id("consentOn")), java.time.LocalDate.now().toString());
		browser.findElement(By.id("service-ID_PHOTO")).click();
		browser.findElement(By.id("service-DOCUMENTS_DELIVERED")).click();
		browser.findElement(By.id("place")).sendKeys(place);
		browser.findElement(By.id("save-visit")).click();
		waitUntil("return document.querySelectorAll('#outbox li').length === 1");
		assertThat(visits(place)).isZero();

		network(false);
		try {
			waitUntil("return document.querySelectorAll('#outbox li').length === 0", 15);
		}
		catch (org.openqa.selenium.TimeoutException e) {
			browser.findElement(By.id("sync-now")).click();
			waitUntil("return document.querySelectorAll('#outbox li').length === 0", 30);
		}
		assertThat(visits(place)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT consent_how || ' ' || services FROM outreach_service_visit WHERE place = ?")
			.param(place).query(String.class).single()).isEqualTo("GUARDIAN ID_PHOTO,DOCUMENTS_DELIVERED");
	}

	/** Signs the community officer in once per browser: a second sign-in in the same 30 seconds would reuse the code. */
	private void signedIn() {
		open("/desk");
		if (browser.findElements(By.id("me-username")).isEmpty()) {
			signInStaff("community");
		}
	}

	private long visits(String place) {
		return jdbc.sql("SELECT count(*) FROM outreach_service_visit WHERE place = ?").param(place).query(Long.class)
			.single();
	}

	private void record(String address, String kind, String description) {
		var field = browser.findElement(By.id("address"));
		field.clear();
		field.sendKeys(address);
		if (kind != null) {
			new Select(browser.findElement(By.id("issues0.kind"))).selectByValue(kind);
			browser.findElement(By.id("issues0.description")).sendKeys(description);
		}
		browser.findElement(By.id("save-household")).click();
	}

	private long count(String address) {
		return jdbc.sql("SELECT count(*) FROM outreach_household_visit WHERE address = ?").param(address)
			.query(Long.class).single();
	}

	/** Cuts or restores the page's network with DevTools network emulation. */
	private static void network(boolean offline) {
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", -1));
	}

	private static void waitUntil(String script) {
		waitUntil(script, 15);
	}

	private static void waitUntil(String script, int seconds) {
		new WebDriverWait(browser, Duration.ofSeconds(seconds))
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
	}
}
