package org.anning.residents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.privacy.PersonalData;
import org.anning.privacy.Sealed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/** Residents stored under other keys or another cipher stop the start instead of being silently missed. */
@AnningTest
class ResidentKeyCheckTests {

	@Autowired
	ResidentKeyCheck check;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void residentsStoredWithTheConfiguredKeysPass() {
		assertThatNoException().isThrownBy(() -> check.run(null));
	}

	@Test
	void aNewestResidentIndexedWithAnotherCipherOrIndexKeyStopsTheStart() {
		String idNumber = TestResidents.idNumber();
		Sealed sealed = personalData.seal(ResidentRepository.ID_NUMBER, idNumber);
		String otherIndexKey = "2.00000000." + sealed.index().substring(sealed.index().lastIndexOf('.') + 1);

		withNewestResident(new Sealed(sealed.ciphertext(), otherIndexKey), () -> assertThatRuntimeException()
			.isThrownBy(() -> check.run(null))
			.withMessage("The stored indexes of resident.id_number were made with another ANNING_PRIVACY_CIPHER or "
					+ "ANNING_PRIVACY_INDEX_KEY than the configured ones."));
	}

	@Test
	void aNewestResidentSealedWithAnotherKeyStopsTheStart() {
		Sealed sealed = personalData.seal(ResidentRepository.ID_NUMBER, TestResidents.idNumber());
		byte[] otherKey = sealed.ciphertext().clone();
		otherKey[2] ^= 0x01; // the key id in the header

		withNewestResident(new Sealed(otherKey, sealed.index()), () -> assertThatRuntimeException()
			.isThrownBy(() -> check.run(null))
			.withMessage("The stored values of resident.id_number were sealed with another ANNING_PRIVACY_KEY than "
					+ "the configured one."));
	}

	private void withNewestResident(Sealed idNumber, Runnable assertion) {
		UUID id = UUID.randomUUID();
		Sealed mobile = personalData.seal(ResidentRepository.MOBILE, TestResidents.mobile());
		jdbc.sql("""
				INSERT INTO resident (id, name, id_number_sealed, id_number_index, mobile_sealed, mobile_index,
				                      password_hash, created_at)
				VALUES (?, '旧钥匙', ?, ?, ?, ?, 'none', ?)
				""")
			.params(id, idNumber.ciphertext(), idNumber.index(), mobile.ciphertext(), mobile.index(),
					Timestamp.from(Instant.parse("2999-01-01T00:00:00Z")))
			.update();
		try {
			assertion.run();
		}
		finally {
			jdbc.sql("DELETE FROM resident WHERE id = ?").param(id).update();
		}
	}
}
