package org.anning.residents;

import org.anning.privacy.PersonalData;
import org.anning.privacy.Sealed;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stops start-up when the privacy keys or cipher no longer fit the stored residents: otherwise their numbers
 * would not open, sign-in would not find them, and a number could be registered twice. The newest resident is
 * enough to look at: the keys cannot have changed among stored residents, since such a change stops here.
 */
@Component
@Order(20)
class ResidentKeyCheck implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	ResidentKeyCheck(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	@Override
	public void run(ApplicationArguments args) {
		jdbc.sql("SELECT id_number_sealed, id_number_index FROM resident ORDER BY created_at DESC, id LIMIT 1")
			.query((rs, row) -> new Sealed(rs.getBytes("id_number_sealed"), rs.getString("id_number_index")))
			.optional()
			.ifPresent(newest -> personalData.requireConfiguredKeys(ResidentRepository.ID_NUMBER, newest));
	}
}
