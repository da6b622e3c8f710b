package org.anning.residents;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.privacy.PersonalData;
import org.anning.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Whoever reads the resident table (psql, a backup, a leaked dump) finds ciphertext, not identity or mobile
 * numbers; the portal still finds residents by their exact numbers.
 */
@AnningTest
class PersonalDataAtRestTests {

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	MockMvcTester mvc;

	@Test
	void noColumnOfTheResidentTableHoldsTheIdentityOrMobileNumber() {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		List<String> secrets = secretsOf(draft);

		Map<String, Object> row = jdbc.sql("SELECT * FROM resident WHERE id = ?").param(resident.id().value()).query().singleRow();
		// What psql prints for the row: bytea as \x… hex, everything else as text.
		String asPsqlShowsIt = jdbc.sql("SELECT r::text FROM resident r WHERE id = ?")
			.param(resident.id().value())
			.query(String.class)
			.single();

		assertThat(row).containsKeys("id_number_sealed", "id_number_index", "mobile_sealed", "mobile_index")
			.doesNotContainKeys("id_number", "mobile");
		row.forEach((column, value) -> {
			for (String text : readings(value)) {
				assertThat(text).as("column %s", column).doesNotContain(secrets);
			}
		});
		assertThat(asPsqlShowsIt).contains("\\x01").doesNotContain(secrets);
	}

	@Test
	void theStoredNumbersAreCiphertextThatOpensOnlyInTheirOwnColumn() {
		NewResident draft = TestResidents.draft();
		Resident resident = residents.register(draft);
		Map<String, Object> row = jdbc.sql("SELECT id_number_sealed, mobile_sealed FROM resident WHERE id = ?")
			.param(resident.id().value())
			.query()
			.singleRow();
		byte[] idNumber = (byte[]) row.get("id_number_sealed");
		byte[] mobile = (byte[]) row.get("mobile_sealed");

		assertThat(idNumber).hasSize(6 + 12 + 18 + 16);
		assertThat(personalData.open(ResidentRepository.ID_NUMBER, idNumber)).isEqualTo(draft.idNumber());
		assertThat(personalData.open(ResidentRepository.MOBILE, mobile)).isEqualTo(draft.mobile());
		assertThatExceptionOfType(PersonalData.Unreadable.class)
			.isThrownBy(() -> personalData.open(ResidentRepository.MOBILE, idNumber));
	}

	@Test
	void anIdentityNumberCopiedIntoTheMobileColumnDoesNotOpenThere() {
		Resident resident = residents.register(TestResidents.draft());
		UUID id = resident.id().value();

		jdbc.sql("UPDATE resident SET mobile_sealed = id_number_sealed WHERE id = ?").param(id).update();
		try {
			assertThatExceptionOfType(PersonalData.Unreadable.class).isThrownBy(() -> residents.find(resident.id()))
				.withMessageContaining("resident.mobile")
				.withMessageNotContaining(resident.idNumber().value());
		}
		finally {
			jdbc.sql("UPDATE resident SET mobile_sealed = ? WHERE id = ?")
				.params(personalData.seal(ResidentRepository.MOBILE, resident.mobile().value()).ciphertext(), id)
				.update();
		}
		assertThat(residents.find(resident.id())).contains(resident);
	}

	@Test
	void registeringAnIdentityNumberAgainIsRefusedThroughItsIndex() {
		String idNumber = TestResidents.idNumberEndingInX();
		residents.register(new NewResident("周安然", idNumber, TestResidents.mobile(), TestResidents.PASSWORD));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> residents.register(new NewResident("别人",
				idNumber.toLowerCase(), TestResidents.mobile(), TestResidents.PASSWORD)));
		assertThat(jdbc.sql("SELECT count(*) FROM resident WHERE id_number_index = ?")
			.param(personalData.index(ResidentRepository.ID_NUMBER, idNumber))
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aResidentSignsInWithTheExactIdentityNumberAndSeesItMasked() {
		NewResident draft = TestResidents.draft();
		residents.register(draft);
		MockHttpSession session = new MockHttpSession();

		assertThat(mvc.post()
			.uri("/signin")
			.session(session)
			.param("username", draft.idNumber())
			.param("password", draft.password())
			.with(csrf())).hasRedirectedUrl("/me");
		assertThat(mvc.get().uri("/me").session(session)).hasStatusOk()
			.bodyText()
			.contains(PersonalData.maskIdNumber(draft.idNumber()), PersonalData.maskMobile(draft.mobile()))
			.doesNotContain(draft.idNumber(), draft.mobile());
	}

	/** The numbers, and enough of them to identify a resident, in the forms a careless store would keep them. */
	private static List<String> secretsOf(NewResident draft) {
		String idNumber = draft.idNumber();
		String mobile = draft.mobile();
		return List.of(idNumber, idNumber.substring(0, 17), idNumber.substring(6, 14) + idNumber.substring(14, 17),
				mobile, mobile.substring(3), hex(idNumber), hex(mobile));
	}

	/** A column's value as text, and a bytea column's bytes read as text and as hex. */
	private static List<String> readings(Object value) {
		if (value instanceof byte[] bytes) {
			return List.of(new String(bytes, StandardCharsets.ISO_8859_1), HexFormat.of().formatHex(bytes));
		}
		return List.of(String.valueOf(value));
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
	}
}
