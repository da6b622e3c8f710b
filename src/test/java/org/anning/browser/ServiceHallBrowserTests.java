package org.anning.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.anning.AnningTest;
import org.anning.residents.NewResident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service hall end to end in headless Debian Chromium: a resident applies for a passport with a PDF, the
 * front desk returns it with one notice of two items, the resident supplements both on one page and resubmits,
 * the desk accepts, a reviewer approves and closes, the resident rates it very dissatisfied, the station chief
 * answers the rectification task, and the resident reads the answer. Staff and resident share one browser
 * session, as they may: their sign-ins are kept apart.
 */
@Tag("browser")
@AnningTest
class ServiceHallBrowserTests extends BrowserTest {

	static final String PASSWORD = "Quiet-Harbour-Kettle-58";

	static Path pdf;

	@Autowired
	Residents residents;

	@BeforeAll
	static void writePdf() throws IOException {
		pdf = Files.createTempFile("passport-materials-", ".pdf");
		Files.write(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
	}

	@AfterAll
	static void deletePdf() throws IOException {
		if (pdf != null) {
			Files.deleteIfExists(pdf);
		}
	}

	@Test
	void passportFromApplicationThroughOneNoticeToRectificationAnswer() throws IOException {
		browser.manage().deleteAllCookies();
		String idNumber = idNumber("110105", LocalDate.of(1970, 1, 1));
		residents.register(new NewResident("陈晓晴", idNumber, mobile("137"), PASSWORD));

		// The resident applies for a passport, attaching the PDF for every required material.
		open("/signin");
		browser.findElement(By.id("username")).sendKeys(idNumber);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("signin")).click();
		waitFor(By.cssSelector("form[action$='/signout'] button"));
		open("/services");
		browser.findElement(By.id("item-PASSPORT_ORDINARY")).click();
		waitFor(By.id("apply")).click();
		new Select(waitFor(By.id("unit"))).selectByValue("AN-DC-01");
		browser.findElement(By.id("start")).click();
		String reference = waitFor(By.id("reference")).getText();
		assertThat(reference).matches("SQ-\\d{4}-\\d{6}");
		for (String code : new String[] { "ID_CARD", "EXIT_ENTRY_APPLICATION_FORM", "PHOTO_RECEIPT" }) {
			browser.findElement(By.id("file_" + code)).sendKeys(pdf.toString());
		}
		browser.findElement(By.id("submit-application")).click();
		assertThat(waitFor(By.id("status")).getText()).isEqualTo("已提交，待受理");
		screenshot("hall-submitted");

		// The front desk returns it with one complete notice of two items.
		signInStaff("frontdesk");
		open("/desk/services/" + reference);
		browser.findElement(By.id("item-PHOTO_RECEIPT")).click();
		new Select(browser.findElement(By.name("problem_PHOTO_RECEIPT"))).selectByValue("INCORRECT");
		browser.findElement(By.name("note_PHOTO_RECEIPT")).sendKeys("照片背景不是白色");
		browser.findElement(By.id("item-PREVIOUS_PASSPORT")).click();
		browser.findElement(By.id("remarks")).sendKeys("请同时提交原护照首页");
		browser.findElement(By.id("return-submit")).click();
		waitFor(By.cssSelector(".notice"));
		screenshot("hall-returned-desk");

		// The resident sees both items on one page, adds them and resubmits.
		open("/me/applications/" + reference);
		assertThat(waitFor(By.id("status")).getText()).isEqualTo("需补正材料");
		WebElement notice = browser.findElement(By.id("supplement-notice"));
		assertThat(notice.findElement(By.id("noticed-PHOTO_RECEIPT")).getText()).contains("不符合要求", "照片背景不是白色");
		assertThat(notice.findElement(By.id("noticed-PREVIOUS_PASSPORT")).getText()).contains("缺少");
		assertThat(notice.getText()).contains("请同时提交原护照首页");
		screenshot("hall-notice");
		browser.findElement(By.id("file_PHOTO_RECEIPT")).sendKeys(pdf.toString());
		browser.findElement(By.id("file_PREVIOUS_PASSPORT")).sendKeys(pdf.toString());
		browser.findElement(By.id("submit-application")).click();
		assertThat(waitFor(By.id("status")).getText()).isEqualTo("已提交，待受理");

		// The desk accepts; a reviewer approves and closes.
		open("/desk/services/" + reference);
		waitFor(By.id("accept")).click();
		waitFor(By.cssSelector(".notice"));
		signInStaff("reviewer");
		open("/desk/services/" + reference);
		waitFor(By.id("approve")).click();
		waitFor(By.id("ready")).click();
		waitFor(By.id("close")).click();
		waitFor(By.cssSelector(".notice"));

		// The resident rates it very dissatisfied.
		open("/me/applications/" + reference);
		assertThat(waitFor(By.id("status")).getText()).isEqualTo("已办结");
		browser.findElement(By.id("level-1")).click();
		browser.findElement(By.id("comment")).sendKeys("等了很久，窗口态度不好");
		browser.findElement(By.id("rate-submit")).click();
		assertThat(waitFor(By.id("ratings")).getText()).contains("非常不满意");

		// The station chief sees the rectification task and records the call-back.
		signInStaff("chief");
		open("/desk/services/rectifications");
		waitFor(By.linkText(reference)).click();
		waitFor(By.id("callbackNote")).sendKeys("已电话回访，向申请人致歉");
		browser.findElement(By.id("actionTaken")).sendKeys("窗口增开一个护照受理岗，并开展服务规范培训");
		browser.findElement(By.id("answer-submit")).click();
		waitFor(By.cssSelector(".notice"));
		screenshot("hall-rectified-desk");

		// The resident sees the answer.
		open("/me/applications/" + reference);
		assertThat(waitFor(By.id("action-taken")).getText()).isEqualTo("窗口增开一个护照受理岗，并开展服务规范培训");
		assertThat(browser.findElement(By.id("callback-note")).getText()).isEqualTo("已电话回访，向申请人致歉");
		screenshot("hall-answer");
	}
}
