package org.anning.units.web;

import org.anning.AnningTest;
import org.anning.DemoStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@AnningTest
class UnitControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void treePageAnswersAPlainRequestWithTheWholePage() {
		assertThat(mvc.get().uri("/desk/units").with(DemoStaff.admin())).hasStatusOk()
			.hasViewName("desk/units/list")
			.hasHeader(HttpHeaders.VARY, "HX-Request")
			.bodyText()
			.contains("<html", "<header", "<title>单位</title>", "id=\"unit-results\"")
			.contains("hx-get=\"/desk/units\"", "hx-target=\"#unit-results\"", "action=\"/desk/units\"")
			.contains("id=\"unit-AN\"", "id=\"unit-AN-DC-01\"", "id=\"unit-AN-NS-01-P1\"", "和平路派出所");
	}

	@Test
	void treePageAnswersAnHtmxRequestWithOnlyTheResults() {
		assertThat(mvc.get().uri("/desk/units").param("q", "AN-DC").header("HX-Request", "true").with(DemoStaff.admin()))
			.hasStatusOk()
			.hasViewName("desk/units/list :: results")
			.bodyText()
			.startsWith("<div id=\"unit-results\"")
			.doesNotContain("<html", "<header", "<form")
			.contains("id=\"unit-AN-DC-01\"");
	}

	@Test
	void treePageAnswersAnHtmxHistoryRestoreWithTheWholePage() {
		assertThat(mvc.get()
			.uri("/desk/units")
			.header("HX-Request", "true")
			.header("HX-History-Restore-Request", "true")
			.with(DemoStaff.admin())).hasStatusOk().hasViewName("desk/units/list").bodyText().contains("<html");
	}

	@Test
	void treeFilterMatchesCodeOrEitherNameAndKeepsTheAncestors() {
		tree("春晖").contains("id=\"unit-AN-DC-02\"", "id=\"unit-AN-DC\"", "id=\"unit-AN\"")
			.doesNotContain("id=\"unit-AN-DC-01\"", "id=\"unit-AN-XH\"")
			.contains("value=\"春晖\"", "共 1 个单位");
		tree("chunhui").contains("id=\"unit-AN-DC-02\"").doesNotContain("id=\"unit-AN-DC-01\"");
		tree("an-xh-04").contains("id=\"unit-AN-XH-04\"", "id=\"unit-AN-XH-04-P1\"")
			.doesNotContain("id=\"unit-AN-XH-01\"");
		tree("no unit is called this").contains("id=\"no-units\"").doesNotContain("id=\"unit-AN\"");
	}

	@Test
	void stationChiefSeesOnlyTheirStationsSubtree() {
		assertThat(mvc.get().uri("/desk/units").with(DemoStaff.chief())).hasStatusOk()
			.bodyText()
			.contains("id=\"unit-AN-DC-01\"", "id=\"unit-AN-DC-01-P1\"")
			.doesNotContain("id=\"unit-AN\"", "id=\"unit-AN-DC\"", "id=\"unit-AN-DC-02\"", "id=\"new-unit\"");
	}

	@Test
	void stationChiefGets404ForASiblingStationsUnitPage() {
		assertThat(mvc.get().uri("/desk/units/AN-DC-02").with(DemoStaff.chief())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/desk/units/AN-DC-01-P1").with(DemoStaff.chief())).hasStatusOk();
	}

	@Test
	void pagesAreInEnglishWhenAskedFor() {
		assertThat(mvc.get().uri("/desk/units").param("lang", "en").with(DemoStaff.chief()))
			.hasStatusOk()
			.bodyText()
			.contains("<title>Units</title>", "Hepinglu Police Station", "Police post")
			.doesNotContain("和平路派出所");
		assertThat(mvc.get()
			.uri("/desk/units")
			.param("q", "Hepinglu Square")
			.param("lang", "en")
			.with(DemoStaff.chief())).bodyText().contains(">1 unit<");
	}

	@Test
	void administratorSeesTheNewUnitLink() {
		assertThat(mvc.get().uri("/desk/units").with(DemoStaff.admin())).bodyText()
			.contains("id=\"new-unit\"", "href=\"/desk/units/new\"");
	}

	@Test
	void creationIsForAdministratorsOnly() {
		assertThat(mvc.get().uri("/desk/units/new").with(DemoStaff.chief())).hasStatus(HttpStatus.FORBIDDEN);
		String code = TestUnits.newCode("PAGE");
		assertThat(createForm(code, "测试", "Test", "POST", "AN-DC-01").with(DemoStaff.chief()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/desk/units/" + code).with(DemoStaff.admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void creationFormPreselectsTheParentAndTheLevelBelowIt() {
		assertThat(mvc.get().uri("/desk/units/new").param("parent", "AN-DC").with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.containsPattern("<option value=\"AN-DC\" selected=\"selected\">")
			.containsPattern("<option value=\"STATION\" selected=\"selected\">");
	}

	@Test
	void creationFormReRendersWithTheErrorBesideTheFieldAndKeepsWhatWasTyped() {
		assertThat(createForm("bad code", "测试派出所", "", "STATION", "AN-DC").with(DemoStaff.admin())).hasStatusOk()
			.hasViewName("desk/units/new")
			.bodyText()
			.contains("class=\"error-summary\"", "href=\"#code\"")
			.containsPattern("id=\"code-error\"[^>]*>单位代码为 2 到 32 个大写字母、数字或连字符，以字母或数字开头<")
			.containsPattern("id=\"nameEn-error\"[^>]*>请输入英文名称<")
			.doesNotContain("id=\"nameZh-error\"")
			.contains("value=\"bad code\"", "value=\"测试派出所\"")
			.containsPattern("<option value=\"STATION\" selected=\"selected\">")
			.containsPattern("<option value=\"AN-DC\" selected=\"selected\">");
	}

	@Test
	void creationFormShowsADuplicateCodeBesideTheCode() {
		assertThat(createForm("AN-DC-01", "重复", "Duplicate", "STATION", "AN-DC").with(DemoStaff.admin()))
			.hasStatusOk()
			.hasViewName("desk/units/new")
			.bodyText()
			.containsPattern("id=\"code-error\"[^>]*>单位代码“AN-DC-01”已被使用<");
	}

	@Test
	void creationFormShowsADomainRuleBesideItsField() {
		// a sub-bureau cannot stand under a station
		assertThat(createForm(TestUnits.newCode("PAGE"), "测试", "Test", "SUB_BUREAU", "AN-DC-01")
			.with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.containsPattern("id=\"level-error\"[^>]*>单位层级不能高于上级单位<");
	}

	@Test
	void creatingAUnitRedirectsToItsPageWithANotice() {
		String code = TestUnits.newCode("PAGE");
		assertThat(createForm(code, "测试派出所", "Test Station", "STATION", "AN-DC").with(DemoStaff.admin()))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/desk/units/" + code)
			.flash()
			.containsEntry("notice", "units.notice.created");
		assertThat(mvc.get().uri("/desk/units/" + code).with(DemoStaff.admin())).hasStatusOk()
			.bodyText()
			.contains("测试派出所", "Test Station", "href=\"/desk/units/AN-DC\"");
	}

	@Test
	void unitPageShowsDetailsChildrenAndAdministratorsForms() {
		assertThat(mvc.get().uri("/desk/units/AN-DC-01").with(DemoStaff.admin())).hasStatusOk()
			.hasViewName("desk/units/unit")
			.bodyText()
			.contains("和平路派出所", "Hepinglu Police Station", "href=\"/desk/units/AN-DC\"",
					"href=\"/desk/units/AN-DC-01-P1\"")
			.contains("id=\"rename-form\"", "id=\"move-form\"", "id=\"deactivate-form\"", "id=\"new-child\"")
			.doesNotContain("<option value=\"AN-DC-01-P1\"", "<option value=\"AN-DC-01\"");
	}

	@Test
	void unitPageShowsAStationChiefNoFormsAndNoLinkOutOfTheirScope() {
		assertThat(mvc.get().uri("/desk/units/AN-DC-01").with(DemoStaff.chief())).hasStatusOk()
			.bodyText()
			.contains("东城分局", "href=\"/desk/units/AN-DC-01-P1\"")
			.doesNotContain("href=\"/desk/units/AN-DC\"", "id=\"rename-form\"", "id=\"move-form\"",
					"id=\"deactivate-form\"");
	}

	@Test
	void renamingWithABlankNameReRendersWithTheErrorAndKeepsWhatWasTyped() {
		String code = createUnit("SUB_BUREAU", "AN");
		assertThat(mvc.post()
			.uri("/desk/units/" + code + "/names")
			.with(DemoStaff.admin())
			.with(csrf())
			.param("nameZh", "")
			.param("nameEn", "Typed name")).hasStatusOk()
			.hasViewName("desk/units/unit")
			.bodyText()
			.containsPattern("id=\"nameZh-error\"[^>]*>请输入中文名称<")
			.contains("value=\"Typed name\"", "href=\"#nameZh\"");
	}

	@Test
	void renamingRedirectsWithANotice() {
		String code = createUnit("SUB_BUREAU", "AN");
		assertThat(mvc.post()
			.uri("/desk/units/" + code + "/names")
			.with(DemoStaff.admin())
			.with(csrf())
			.param("nameZh", "改名分局")
			.param("nameEn", "Renamed Sub-bureau")).hasRedirectedUrl("/desk/units/" + code)
			.flash()
			.containsEntry("notice", "units.notice.renamed");
		assertThat(mvc.get().uri("/desk/units/" + code).with(DemoStaff.admin())).bodyText().contains("改名分局");
	}

	@Test
	void movingUnderItsOwnDescendantReRendersWithTheErrorOnTheParent() {
		String top = createUnit("SUB_BUREAU", "AN");
		String below = createUnit("SUB_BUREAU", top);
		assertThat(mvc.post()
			.uri("/desk/units/" + top + "/parent")
			.with(DemoStaff.admin())
			.with(csrf())
			.param("parentCode", below)).hasStatusOk()
			.hasViewName("desk/units/unit")
			.bodyText()
			.containsPattern("id=\"parentCode-error\"[^>]*>不能把单位移到它自己或它的下级单位之下<")
			.contains("href=\"#parentCode\"");
	}

	@Test
	void movingRedirectsWithANotice() {
		String station = createUnit("STATION", "AN-NS");
		assertThat(mvc.post()
			.uri("/desk/units/" + station + "/parent")
			.with(DemoStaff.admin())
			.with(csrf())
			.param("parentCode", "AN-XH")).hasRedirectedUrl("/desk/units/" + station)
			.flash()
			.containsEntry("notice", "units.notice.moved");
	}

	@Test
	void deactivatingAUnitWithActiveChildrenShowsTheConflictOnThePage() {
		String station = createUnit("STATION", "AN-NS");
		String post = createUnit("POST", station);
		assertThat(mvc.post().uri("/desk/units/" + station + "/deactivate").with(DemoStaff.admin()).with(csrf()))
			.hasStatusOk()
			.hasViewName("desk/units/unit")
			.bodyText()
			.contains("id=\"conflict\"", "单位“" + station + "”下还有在用的下级单位，请先停用或移走它们");
		assertThat(mvc.post().uri("/desk/units/" + post + "/deactivate").with(DemoStaff.admin()).with(csrf()))
			.hasRedirectedUrl("/desk/units/" + post)
			.flash()
			.containsEntry("notice", "units.notice.deactivated");
		assertThat(mvc.get().uri("/desk/units/" + post).with(DemoStaff.admin())).bodyText()
			.contains("id=\"reactivate-form\"")
			.doesNotContain("id=\"deactivate-form\"", "id=\"new-child\"");
	}

	@Test
	void pageActionsNeedTheCsrfToken() {
		assertThat(mvc.post().uri("/desk/units/AN-DC-01-P1/deactivate").with(DemoStaff.admin()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	private org.assertj.core.api.AbstractStringAssert<?> tree(String q) {
		return assertThat(mvc.get().uri("/desk/units").param("q", q).with(DemoStaff.admin())).hasStatusOk().bodyText();
	}

	private MockMvcRequestBuilder createForm(String code, String nameZh, String nameEn, String level, String parent) {
		return mvc.post()
			.uri("/desk/units/new")
			.with(csrf())
			.param("code", code)
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("level", level)
			.param("parentCode", parent);
	}

	/** Creates a unit through the API, as the administrator. */
	private String createUnit(String level, String parentCode) {
		String code = TestUnits.newCode("PAGE");
		assertThat(mvc.post()
			.uri("/api/v1/units")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoStaff.ADMIN_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestUnits.json(code, level, parentCode))).hasStatus(HttpStatus.CREATED);
		return code;
	}
}
