package org.anning.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.DemoStaff;
import org.anning.accounts.Totp;
import org.anning.residents.IdentityNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test needs: headless Debian Chromium with its own profile (skipped where it is missing,
 * except on CI, which installs it), the application's address, waiting, screenshots, a staff sign-in with both
 * factors, and fictional identity numbers. Each test class gets its own browser.
 */
abstract class BrowserTest {

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
					"--no-first-run", "--disable-quic", "--window-size=1200,1400", "--lang=zh-CN",
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
			browser = null;
		}
	}

	void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	static WebElement waitFor(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	static void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	/** Signs a demo staff member in with password and TOTP code; a resident signed in alongside stays signed in. */
	void signInStaff(String username) {
		open("/desk/signin");
		waitFor(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(DemoStaff.PASSWORD);
		browser.findElement(By.id("signin")).click();
		waitFor(By.id("code")).sendKeys(Totp.code(DemoStaff.TOTP_SECRET, Totp.step(Instant.now())));
		browser.findElement(By.id("verify")).click();
		waitFor(By.id("me-username"));
	}

	/** The first 17 characters of a fictional identity number of someone born after {@code bornFrom}. */
	static String first17(String area, LocalDate bornFrom) {
		var random = ThreadLocalRandom.current();
		return area + bornFrom.plusDays(random.nextInt(9000)).toString().replace("-", "")
				+ "%03d".formatted(random.nextInt(1000));
	}

	static String idNumber(String area, LocalDate bornFrom) {
		String first17 = first17(area, bornFrom);
		return first17 + IdentityNumber.checkCharacter(first17);
	}

	static String mobile(String prefix) {
		return prefix + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
	}
}
