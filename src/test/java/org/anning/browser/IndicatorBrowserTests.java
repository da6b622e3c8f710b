package org.anning.browser;

import java.io.IOException;
import java.time.LocalDate;

import org.anning.AnningTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicators dashboard in headless Debian Chromium: the ECharts charts draw under the page's content
 * security policy, and choosing another period in the picker reloads the figures, the table and the charts.
 */
@Tag("browser")
@AnningTest
class IndicatorBrowserTests extends BrowserTest {

	@Test
	void theChartsDrawAndChoosingAMonthReloadsTheFigures() throws IOException {
		browser.manage().deleteAllCookies();
		signInStaff("command");
		int year = LocalDate.now().minusYears(1).getYear();
		open("/desk/indicators?unit=AN&period=year&year=" + year + "&indicator=cases.registered");
		waitFor(By.cssSelector("#chart-months canvas"));
		waitFor(By.cssSelector("#chart-units canvas"));
		assertThat(browser.findElements(By.cssSelector("#series .month-row"))).hasSize(12);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();",
				browser.findElement(By.id("months-heading")));
		screenshot("indicators-year");

		browser.findElement(By.id("period-month")).click();
		new Select(browser.findElement(By.id("month"))).selectByValue("3");
		browser.findElement(By.id("show")).click();
		waitFor(By.id("month-" + year + "-03"));
		assertThat(browser.findElement(By.id("period-line")).getText()).contains(year + "-03-01", year + "-03-31");
		assertThat(browser.findElements(By.cssSelector("#series .month-row"))).hasSize(1);
		WebElement chart = waitFor(By.cssSelector("#chart-months canvas"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", chart);
		screenshot("indicators-march");
	}
}
