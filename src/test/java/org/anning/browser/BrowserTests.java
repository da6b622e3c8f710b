package org.anning.browser;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.anning.accounts.Totp;
import org.anning.residents.IdentityNumber;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real pages in headless Debian Chromium: a staff sign-in with password and TOTP, and a resident's registration
 * that recovers from a wrong identity number. Skipped where Chromium is missing, except on CI, which installs it.
 */
@Tag("browser")
@AnningTest
class BrowserTests extends BrowserTest {

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
		String first17 = first17("110105", LocalDate.of(1990, 1, 1));
		char right = IdentityNumber.checkCharacter(first17);
		char wrong = right == '0' ? '1' : '0';
		String mobile = mobile("139");
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
}
