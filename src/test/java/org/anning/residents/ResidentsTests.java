package org.anning.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.anning.AnningTest;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

@AnningTest
@RecordApplicationEvents
class ResidentsTests {

	@Autowired
	Residents residents;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void registrationPublishesResidentRegisteredWithTheNewId() {
		Resident resident = residents.register(TestResidents.draft());

		assertThat(events.stream(ResidentRegistered.class)).containsExactly(new ResidentRegistered(resident.id()));
	}

	@Test
	void registrationStoresTheNormalisedNumbersAndTheRegistrationTime() {
		String idNumber = TestResidents.idNumberEndingInX();
		NewResident draft = new NewResident("\u3000吴 思远 ", " " + idNumber.toLowerCase() + " ", "186 1234-5678",
				TestResidents.PASSWORD);

		Resident resident = residents.register(draft);

		assertThat(resident.name()).isEqualTo("吴 思远");
		assertThat(resident.idNumber().value()).isEqualTo(idNumber);
		assertThat(resident.mobile().value()).isEqualTo("18612345678");
		assertThat(LocalDate.ofInstant(resident.registeredAt(), clock.getZone())).isEqualTo(LocalDate.now(clock));
		assertThat(residents.find(resident.id())).contains(resident);
	}

	@Test
	void reportsEveryInvalidFieldWithItsOwnMessageKey() {
		InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
				() -> residents.register(new NewResident(" ", "01010519491231002X", "1381234567", "1234567")));

		assertThat(invalid.problems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("name", "residents.name.required"),
					tuple("idNumber", "residents.idNumber.AREA"),
					tuple("mobile", "residents.mobile.format"),
					tuple("password", "password.TOO_SHORT"));
		assertThat(invalid.problems().get(3).args()).containsExactly(8, 128);
	}

	@Test
	void aBirthDateAfterTodayOnTheInjectedClockIsRefused() {
		String first17 = "320106" + LocalDate.now(clock).plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
				+ "001";
		NewResident draft = new NewResident("未来人", first17 + IdentityNumber.checkCharacter(first17),
				TestResidents.mobile(), TestResidents.PASSWORD);

		InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class, () -> residents.register(draft));

		assertThat(invalid.problems()).extracting(FieldProblem::code).containsExactly("residents.idNumber.BIRTH_DATE");
	}

	@Test
	void neverShowsThePasswordOrTheFullNumberInText() {
		NewResident draft = TestResidents.draft();

		assertThat(draft.toString()).doesNotContain(draft.password(), draft.idNumber(), draft.mobile());
		assertThat(residents.register(draft).toString()).doesNotContain(draft.idNumber(), draft.mobile());
	}
}
