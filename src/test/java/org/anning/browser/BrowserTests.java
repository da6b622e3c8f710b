package org.anning.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Totp;
import org.anning.residents.IdentityNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real pages in headless Debian Chromium: a staff sign-in with password and TOTP, and a resident's registration
 * that recovers from a wrong identity number. Skipped where Chromium is missing, except on CI, which installs it.
 */
@Tag("browser")
@AnningTest
class BrowserTests {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them)");
		}
		assumeTrue(present, "Chromium and chromedriver are not installed");
		Path profile = Files.createTempDirectory("anning-chromium-");
		var options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--disable-quic", "--window-size=1200,1000", "--lang=zh-CN",
					"--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void staffSignsInWithPasswordAndCodeLandsOnTheChineseDeskAndSwitchesToEnglish() throws IOException {
		browser.manage().deleteAllCookies();
		open("/desk/signin");
		browser.findElement(By.id("username")).sendKeys("community");
		browser.findElement(By.id("password")).sendKeys(DemoStaff.PASSWORD);
		browser.findElement(By.id("signin")).click();

		waitFor(By.id("code"));
		browser.findElement(By.id("code")).sendKeys(Totp.code(DemoStaff.TOTP_SECRET, Totp.step(Instant.now())));
		browser.findElement(By.id("verify")).click();

		waitFor(By.id("me-username"));
		assertThat(browser.getCurrentUrl()).endsWith("/desk");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.findElement(By.id("me-roles")).getText()).contains("社区民警");
		assertThat(browser.findElement(By.id("me-unit")).getText()).contains("和平路派出所");
		screenshot("desk-zh");

		browser.findElement(By.linkText("English")).click();
		waitFor(By.cssSelector("html[lang='en']"));
		assertThat(browser.findElement(By.id("me-roles")).getText()).contains("Community officer");
		assertThat(browser.findElement(By.id("me-unit")).getText()).contains("Hepinglu Police Station");

		browser.findElement(By.linkText("Units")).click();
		waitFor(By.cssSelector("html[lang='en']"));
		assertThat(browser.getCurrentUrl()).contains("/desk/units");
		screenshot("units-en");
	}

	@Test
	void residentFixesAWrongCheckCharacterWithoutRetypingAndSignsIn() throws IOException {
		browser.manage().deleteAllCookies();
		String first17 = "110105" + LocalDate.of(1990, 1, 1)
			.plusDays(ThreadLocalRandom.current().nextInt(9000))
			.toString()
			.replace("-", "") + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		char right = IdentityNumber.checkCharacter(first17);
		char wrong = right == '0' ? '1' : '0';
		String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String password = "Quiet-River-Lantern-27";

		open("/register");
		browser.findElement(By.id("name")).sendKeys("林小雨");
		browser.findElement(By.id("idNumber")).sendKeys(first17 + wrong);
		browser.findElement(By.id("mobile")).sendKeys(mobile);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("register")).click();

		WebElement error = waitFor(By.id("idNumber-error"));
		assertThat(error.getText()).isNotBlank();
		assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("林小雨");
		assertThat(browser.findElement(By.id("mobile")).getDomProperty("value")).isEqualTo(mobile);
		assertThat(browser.findElement(By.id("idNumber")).getDomProperty("value")).isEqualTo(first17 + wrong);
		screenshot("register-error");

		WebElement idNumber = browser.findElement(By.id("idNumber"));
		idNumber.clear();
		idNumber.sendKeys(first17 + right);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("register")).click();
		waitFor(By.cssSelector("form[action$='/signout'] button"));
		assertThat(browser.getCurrentUrl()).endsWith("/me");

		browser.findElement(By.cssSelector("form[action$='/signout'] button")).click();
		open("/signin");
		browser.findElement(By.id("username")).sendKeys(mobile);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("signin")).click();
		waitFor(By.cssSelector("form[action$='/signout'] button"));
		assertThat(browser.getCurrentUrl()).endsWith("/me");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("林小雨");
		screenshot("resident-me");
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	private static WebElement waitFor(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	private static void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}
}
