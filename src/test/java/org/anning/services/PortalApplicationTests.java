package org.anning.services;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.anning.AnningTest;
import org.anning.residents.NewResident;
import org.anning.residents.Resident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AnningTest
class PortalApplicationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	@Autowired
	Applications applications;

	Resident resident;

	@BeforeEach
	void register() {
		resident = residents.register(new NewResident("林安", idNumber(), mobile(), "Quiet-Harbour-Kettle-58"));
	}

	RequestPostProcessor me() {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(resident.principal(), null,
				List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
	}

	@Test
	void catalogueListsAtLeastTwelveItemsWithTheirLimits() throws Exception {
		String page = mvc.perform(get("/services")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("普通护照", "无犯罪记录证明", "7 个工作日");
		assertThat(applications.unitsFor(DefaultCatalogue.read().get(0))).isNotEmpty();
		assertThat(DefaultCatalogue.read()).hasSizeGreaterThanOrEqualTo(12);
	}

	@Test
	void aFileNamedPdfThatIsNotAPdfIsRefusedAndTheOtherFilesStay() throws Exception {
		String location = mvc.perform(post("/me/applications/new").with(me()).with(csrf())
				.param("item", "PASSPORT_ORDINARY").param("unit", "AN-DC-01").param("delivery", "MAIL")
				.param("note", "去香港探亲").param("key", "k-" + System.nanoTime()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/me/applications/SQ-*"))
			.andReturn().getResponse().getRedirectedUrl();
		String reference = location.substring(location.lastIndexOf('/') + 1);

		String page = mvc.perform(multipart(location + "/materials").with(me()).with(csrf())
				.file(new MockMultipartFile("file_ID_CARD", "id.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("file_EXIT_ENTRY_APPLICATION_FORM", "form.pdf", "application/pdf",
						"hello, not a pdf".getBytes(StandardCharsets.UTF_8)))
				.param("action", "submit"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("“form.pdf”不是 PDF、JPEG 或 PNG 文件");
		Application a = applications.mine(resident.id().value(), reference);
		assertThat(a.status()).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(a.note()).isEqualTo("去香港探亲");
		assertThat(a.delivery()).isEqualTo(Application.Delivery.MAIL);
		assertThat(applications.materials(a)).extracting(Material::requirement).containsExactly("ID_CARD");
		assertThat(page).contains("id.pdf");
	}

	@Test
	void submittingWithoutMandatoryMaterialsListsEveryMissingOneAtOnce() throws Exception {
		Application a = applications.start(resident.id().value(),
				new NewApplication("PASSPORT_ORDINARY", "AN-DC-01", null, null), null);
		String page = mvc.perform(multipart("/me/applications/" + a.reference() + "/materials").with(me()).with(csrf())
				.file(new MockMultipartFile("file_ID_CARD", "id.pdf", "application/pdf", PDF))
				.param("action", "submit"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("还缺少：中国公民出入境证件申请表（本人签名）", "还缺少：出入境证件数码照片回执");
		assertThat(page.split("还缺少：").length - 1).isGreaterThanOrEqualTo(4); // two in the summary, two by the fields
		assertThat(applications.mine(resident.id().value(), a.reference()).status()).isEqualTo(ApplicationStatus.DRAFT);
	}

	@Test
	void anotherResidentsApplicationIsNotFound() throws Exception {
		Application a = applications.start(resident.id().value(),
				new NewApplication("PASSPORT_ORDINARY", "AN-DC-01", null, null), null);
		Resident other = residents.register(new NewResident("王平", idNumber(), mobile(), "Quiet-Harbour-Kettle-58"));
		mvc.perform(get("/me/applications/" + a.reference()).with(authentication(UsernamePasswordAuthenticationToken
			.authenticated(other.principal(), null, List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))))))
			.andExpect(status().isNotFound());
	}

	@Test
	void progressLookupWithAWrongSuffixLooksLikeAnUnknownReference() throws Exception {
		Application a = applications.start(resident.id().value(),
				new NewApplication("NO_CRIMINAL_RECORD_CERTIFICATE", "AN-DC-01", null, null), null);
		applications.addMaterial(resident.id().value(), a.reference(), new Upload("ID_CARD", "id.pdf", PDF));
		applications.addMaterial(resident.id().value(), a.reference(), new Upload("NO_CRIMINAL_RECORD_FORM", "f.pdf", PDF));
		applications.submit(resident.id().value(), a.reference());
		String suffix = resident.idNumber().value().substring(12);

		String found = mvc.perform(get("/progress").param("reference", a.reference()).param("idSuffix", suffix)
				.with(r -> { r.setRemoteAddr("10.1.1.1"); return r; }))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(found).contains("已提交，待受理");
		String wrong = body(a.reference(), suffix.equals("000000") ? "111111" : "000000");
		String unknown = body("SQ-1999-999999", suffix);
		assertThat(wrong).isEqualTo(unknown).contains("没有找到");
	}

	private String body(String reference, String suffix) throws Exception {
		return mvc.perform(get("/progress").param("reference", reference).param("idSuffix", suffix)
				.with(r -> { r.setRemoteAddr("10.1.1.2"); return r; }))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
			.replace(reference, "REF")
			.replace(suffix, "SUFFIX") // the typed values are echoed in the form and the language link
			.replaceAll("hx-headers=\"[^\"]*\"", ""); // each session's CSRF token
	}

	static String idNumber() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
		String first17 = "320106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	static String mobile() {
		return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
	}
}
