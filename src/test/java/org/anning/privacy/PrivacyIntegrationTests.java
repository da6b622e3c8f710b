package org.anning.privacy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.anning.AnningTest;
import org.anning.database.DataDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The running application (embedded database, no keys configured) protects personal data with keys of its own. */
@AnningTest
class PrivacyIntegrationTests {

	@Autowired
	DataDirectory dataDirectory;

	@Autowired
	PrivacyKeys keys;

	@Autowired
	PersonalData personalData;

	@Test
	void theApplicationSealsWithTheKeysItGeneratedIntoTheDataDirectory() throws IOException {
		Path keyDirectory = dataDirectory.path().resolve("keys");

		assertThat(dataDirectory.embedded()).isTrue();
		assertThat(PrivacyKeys.decode(Files.readString(keyDirectory.resolve(PrivacyKeys.KEY_FILE))))
			.isEqualTo(keys.sealing());
		assertThat(PrivacyKeys.decode(Files.readString(keyDirectory.resolve(PrivacyKeys.INDEX_KEY_FILE))))
			.isEqualTo(keys.index());
		Sealed sealed = personalData.seal("resident.mobile", "13800000009");
		assertThat(personalData.open("resident.mobile", sealed.ciphertext())).isEqualTo("13800000009");
		assertThat(sealed.ciphertext()[1]).as("AES-GCM unless configured otherwise").isEqualTo((byte) 1);
	}

	@Test
	void theGeneratedKeysAreForTheOwnerOnly() throws IOException {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path keyDirectory = dataDirectory.path().resolve("keys");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDirectory))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDirectory.resolve(PrivacyKeys.KEY_FILE))))
			.isEqualTo("rw-------");
	}
}
