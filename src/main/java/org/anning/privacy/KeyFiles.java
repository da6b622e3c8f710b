package org.anning.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys generated once into a directory ({@code <data dir>/keys}), readable by their owner only, and read back
 * on every later start: the data sealed with them stays readable across restarts. The files hold the same
 * base64 text as the environment variables, so that an operator can move a key from one to the other.
 */
final class KeyFiles {

	private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path directory;

	KeyFiles(Path directory) {
		this.directory = directory;
	}

	/** The key in {@code name}, generated first if there is none yet. */
	byte[] load(String name) {
		Path file = directory.resolve(name);
		if (!Files.exists(file)) {
			generate(file);
		}
		try {
			return PrivacyKeys.decode(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException | IllegalArgumentException e) {
			throw new PrivacyStartupException("The key file " + file + " does not hold " + PrivacyKeys.LENGTH
					+ " bytes in base64.",
					"Restore it from the backup of the data directory: a new key cannot open what the old one sealed.",
					e);
		}
	}

	private void generate(Path file) {
		byte[] key = new byte[PrivacyKeys.LENGTH];
		new SecureRandom().nextBytes(key);
		try {
			Files.createDirectories(directory, ownerOnly("rwx------"));
			// Written aside and moved into place, so that a start that dies half-way leaves no half-written key.
			Path written = Files.createTempFile(directory, ".new-", ".key", ownerOnly("rw-------"));
			Files.writeString(written, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			try {
				Files.move(written, file);
			}
			catch (FileAlreadyExistsException e) {
				Files.delete(written); // another process was first: its key is the one to use
				return;
			}
			log.info("Generated {}: back it up with the data, which cannot be read without it", file);
		}
		catch (IOException | SecurityException e) {
			throw new PrivacyStartupException("No key could be generated in " + directory + ": " + e.getMessage() + ".",
					"Make the data directory writable for this user, or set " + PrivacySettings.KEY_VARIABLE + " and "
							+ PrivacySettings.INDEX_KEY_VARIABLE + ".",
					e);
		}
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		if (!POSIX) {
			return new FileAttribute<?>[0]; // Windows: the directory's ACL applies
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
	}
}
