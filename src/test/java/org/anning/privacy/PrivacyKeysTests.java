package org.anning.privacy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.anning.database.DataDirectory;
import org.anning.database.DemoMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Where the keys come from: configuration, or generated once into the data directory, or nowhere (a stop). */
class PrivacyKeysTests {

	static final PrivacySettings UNCONFIGURED = new PrivacySettings(null, null, null);

	static final DemoMode DEMO = new DemoMode(true, false);

	static final DemoMode NOT_DEMO = new DemoMode(false, false);

	@TempDir
	Path dataDir;

	@Test
	void keysAreGeneratedOnceAndTheNextStartOverTheSameDirectoryReusesThem() throws IOException {
		PrivacyKeys first = PrivacyKeys.resolve(UNCONFIGURED, embedded(), NOT_DEMO);
		String file = Files.readString(dataDir.resolve("keys/personal-data.key"));

		PrivacyKeys second = PrivacyKeys.resolve(UNCONFIGURED, embedded(), NOT_DEMO);

		assertThat(second.sealing()).isEqualTo(first.sealing());
		assertThat(second.index()).isEqualTo(first.index());
		assertThat(Files.readString(dataDir.resolve("keys/personal-data.key"))).isEqualTo(file);
		byte[] sealed = TestKeys.personalData("aes-gcm", first).seal("resident.id_number", "11010519491231002X")
			.ciphertext();
		assertThat(TestKeys.personalData("aes-gcm", second).open("resident.id_number", sealed))
			.isEqualTo("11010519491231002X");
	}

	@Test
	void generatedKeysAreTwoDifferentKeysOf32Bytes() {
		PrivacyKeys keys = PrivacyKeys.resolve(UNCONFIGURED, embedded(), NOT_DEMO);

		assertThat(keys.sealing()).hasSize(32).isNotEqualTo(keys.index()).isNotEqualTo(new byte[32]);
		assertThat(keys.index()).hasSize(32);
		assertThat(dataDir.resolve("keys")).isDirectoryContaining("glob:**/personal-data.key")
			.isDirectoryContaining("glob:**/personal-data-index.key")
			.isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void generatedKeyFilesAreForTheirOwnerOnly() throws IOException {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");

		PrivacyKeys.resolve(UNCONFIGURED, embedded(), NOT_DEMO);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys"))))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/personal-data.key"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/personal-data-index.key")))).isEqualTo("rw-------");
	}

	@Test
	void demoModeGeneratesKeysEvenBesideAnExternalDatabase() {
		PrivacyKeys keys = PrivacyKeys.resolve(UNCONFIGURED, external(), DEMO);

		assertThat(PrivacyKeys.resolve(UNCONFIGURED, external(), DEMO).sealing()).isEqualTo(keys.sealing());
		assertThat(dataDir.resolve("keys/personal-data.key")).exists();
	}

	@Test
	void configuredKeysAreUsedAndNothingIsWritten() {
		String key = TestKeys.base64();
		String indexKey = TestKeys.base64();

		PrivacyKeys keys = PrivacyKeys.resolve(new PrivacySettings("aes-gcm", key, " " + indexKey + "\n"), external(),
				NOT_DEMO);

		assertThat(keys.sealing()).isEqualTo(PrivacyKeys.decode(key));
		assertThat(keys.index()).isEqualTo(PrivacyKeys.decode(indexKey));
		assertThat(dataDir.resolve("keys")).doesNotExist();
	}

	@Test
	void anExternalDatabaseWithoutKeysStopsStartUpNamingBothVariables() {
		FailureAnalysis analysis = analyse(() -> PrivacyKeys.resolve(UNCONFIGURED, external(), NOT_DEMO));

		assertThat(analysis.getDescription()).isEqualTo("Personal data cannot be protected: with an external database "
				+ "ANNING_PRIVACY_KEY and ANNING_PRIVACY_INDEX_KEY must be set.");
		assertThat(analysis.getAction()).startsWith(
				"Set ANNING_PRIVACY_KEY and ANNING_PRIVACY_INDEX_KEY, each to its own 32 random bytes in base64");
		assertThat(dataDir.resolve("keys")).doesNotExist();
	}

	@Test
	void anExternalDatabaseWithOneKeyNamesTheMissingOne() {
		FailureAnalysis analysis = analyse(
				() -> PrivacyKeys.resolve(new PrivacySettings(null, TestKeys.base64(), null), external(), NOT_DEMO));

		assertThat(analysis.getDescription()).isEqualTo(
				"Personal data cannot be protected: with an external database ANNING_PRIVACY_INDEX_KEY must be set.");
		assertThat(analysis.getAction()).startsWith("Set ANNING_PRIVACY_INDEX_KEY to 32 random bytes in base64");
	}

	@Test
	void aKeyThatIsNot32BytesInBase64IsRefusedNamingItsVariable() {
		FailureAnalysis shortKey = analyse(() -> PrivacyKeys.resolve(
				new PrivacySettings(null, "c2hvcnQ=", TestKeys.base64()), external(), NOT_DEMO));
		FailureAnalysis notBase64 = analyse(() -> PrivacyKeys.resolve(
				new PrivacySettings(null, TestKeys.base64(), "not base64!"), external(), NOT_DEMO));

		assertThat(shortKey.getDescription()).isEqualTo("ANNING_PRIVACY_KEY is not 32 bytes in base64.");
		assertThat(notBase64.getDescription()).isEqualTo("ANNING_PRIVACY_INDEX_KEY is not 32 bytes in base64.");
		assertThat(notBase64.getAction()).contains("openssl rand -base64 32");
	}

	@Test
	void oneKeyForBothUsesIsRefused() {
		String key = TestKeys.base64();

		FailureAnalysis analysis = analyse(
				() -> PrivacyKeys.resolve(new PrivacySettings(null, key, key), external(), NOT_DEMO));

		assertThat(analysis.getDescription())
			.isEqualTo("ANNING_PRIVACY_KEY and ANNING_PRIVACY_INDEX_KEY hold the same key.");
	}

	@Test
	void aDamagedKeyFileStopsStartUpRatherThanBeingReplaced() throws IOException {
		PrivacyKeys.resolve(UNCONFIGURED, embedded(), NOT_DEMO);
		Path file = dataDir.resolve("keys/personal-data.key");
		Files.writeString(file, "damaged");

		FailureAnalysis analysis = analyse(() -> PrivacyKeys.resolve(UNCONFIGURED, embedded(), NOT_DEMO));

		assertThat(analysis.getDescription()).isEqualTo("The key file " + file + " does not hold 32 bytes in base64.");
		assertThat(analysis.getAction()).contains("backup");
		assertThat(Files.readString(file)).isEqualTo("damaged");
	}

	@Test
	void keysNeverShowInText() {
		String key = TestKeys.base64();
		PrivacySettings settings = new PrivacySettings(null, key, TestKeys.base64());
		PrivacyKeys keys = PrivacyKeys.resolve(settings, external(), NOT_DEMO);

		assertThat(settings.toString()).doesNotContain(key).contains("key=(set)");
		assertThat(keys.toString()).doesNotContain(key).matches("PrivacyKeys\\[sealing=[0-9a-f]{8}, index=[0-9a-f]{8}]");
	}

	private DataDirectory embedded() {
		return new DataDirectory(dataDir, true);
	}

	private DataDirectory external() {
		return new DataDirectory(dataDir, false);
	}

	private static FailureAnalysis analyse(Runnable start) {
		PrivacyStartupException failure = catchThrowableOfType(PrivacyStartupException.class, start::run);
		assertThat(failure).as("start-up stopped").isNotNull();
		return new PrivacyFailureAnalyzer().analyze(new RuntimeException("Error creating bean", failure));
	}
}
