package org.anning.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.anning.database.DataDirectory;
import org.anning.operations.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes signed checkpoints of the chain's head (sequence, hash, time) to a witness directory outside the
 * database, so that cutting rows off the end of the chain is detected too. Checkpoints are signed with Ed25519;
 * the private key stays in the data directory, the public key is written beside the checkpoints so that anyone
 * can check them.
 */
@Component
class Witness {

	private static final Logger log = LoggerFactory.getLogger(Witness.class);

	static final String PUBLIC_KEY_FILE = "witness-public-key.txt";

	private final AuditRepository events;

	private final Path directory;

	private final Path privateKeyFile;

	private final Clock clock;

	private volatile KeyPair keys;

	private final ClusterJobs jobs;

	private final Duration interval;

	Witness(AuditRepository events, AuditSettings settings, DataDirectory data, Clock clock, ClusterJobs jobs,
			@Value("${anning.audit.checkpoint-interval:5m}") Duration interval) {
		this.events = events;
		this.jobs = jobs;
		this.interval = interval;
		this.directory = (settings.witnessDir() != null ? settings.witnessDir() : data.path().resolve("witness"))
			.toAbsolutePath()
			.normalize();
		this.privateKeyFile = data.path().resolve("keys").resolve("audit-witness-private-key.txt");
		this.clock = clock;
	}

	/** A checkpoint as read back from the witness directory. */
	record Checkpoint(long seq, String hash, Instant time, boolean signatureValid, String file) {
	}

	Path directory() {
		return directory;
	}

	@Scheduled(fixedDelayString = "${anning.audit.checkpoint-interval:5m}", initialDelayString = "${anning.audit.checkpoint-interval:5m}")
	void scheduledCheckpoint() {
		try {
			// Once per cluster: the nodes share the witness directory, and one checkpoint per interval is enough.
			jobs.runOnce("audit.checkpoint", interval.minus(interval.dividedBy(10)), this::checkpoint);
		}
		catch (RuntimeException e) {
			log.warn("Audit checkpoint not written: {}", e.getMessage());
		}
	}

	/** Writes a checkpoint of the current head unless the head is already witnessed; returns its sequence. */
	@Transactional(readOnly = true)
	long checkpoint() {
		AuditRepository.Head head = events.head();
		if (head.seq() == 0) {
			return 0;
		}
		Path file = directory.resolve(String.format("checkpoint-%020d.txt", head.seq()));
		if (Files.exists(file)) {
			return head.seq();
		}
		Instant now = clock.instant();
		String statement = statement(head.seq(), head.hash(), now);
		try {
			Files.createDirectories(directory);
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(keys().getPrivate());
			signer.update(statement.getBytes(StandardCharsets.UTF_8));
			String text = statement + "\nsignature=" + Base64.getEncoder().encodeToString(signer.sign()) + "\n";
			Path temporary = Files.createTempFile(directory, ".checkpoint", ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			return head.seq();
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("Cannot write audit checkpoint to " + directory + ": " + e.getMessage(), e);
		}
	}

	/** Every checkpoint in the witness directory, with whether its signature holds. */
	List<Checkpoint> checkpoints() {
		List<Checkpoint> found = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return found;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).sorted().toList()) {
				found.add(read(file));
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the witness directory " + directory, e);
		}
		return found;
	}

	private Checkpoint read(Path file) throws IOException {
		long seq = -1;
		String hash = null;
		Instant time = null;
		String signature = null;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int eq = line.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String key = line.substring(0, eq);
			String value = line.substring(eq + 1);
			switch (key) {
				case "seq" -> seq = parseLong(value);
				case "hash" -> hash = value;
				case "time" -> time = parseInstant(value);
				case "signature" -> signature = value;
				default -> {
				}
			}
		}
		boolean valid = seq > 0 && hash != null && time != null && signature != null
				&& verify(statement(seq, hash, time), signature);
		return new Checkpoint(seq, hash, time, valid, file.getFileName().toString());
	}

	private boolean verify(String statement, String signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(keys().getPublic());
			verifier.update(statement.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	static String statement(long seq, String hash, Instant time) {
		return "anning-audit-checkpoint\nseq=" + seq + "\nhash=" + hash + "\ntime=" + time;
	}

	/** The signing keys: created on first use and kept in the data directory across restarts. */
	private KeyPair keys() {
		KeyPair current = keys;
		if (current == null) {
			synchronized (this) {
				if (keys == null) {
					keys = loadOrCreateKeys();
				}
				current = keys;
			}
		}
		return current;
	}

	private KeyPair loadOrCreateKeys() {
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			Path publicKeyFile = directory.resolve(PUBLIC_KEY_FILE);
			if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
				PrivateKey privateKey = factory.generatePrivate(
						new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(privateKeyFile).strip())));
				PublicKey publicKey = factory.generatePublic(
						new X509EncodedKeySpec(Base64.getDecoder().decode(Files.readString(publicKeyFile).strip())));
				return new KeyPair(publicKey, privateKey);
			}
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Files.createDirectories(privateKeyFile.getParent());
			Files.createDirectories(directory);
			Files.writeString(privateKeyFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
			restrict(privateKeyFile);
			Files.writeString(publicKeyFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
			return pair;
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("Cannot load or create the audit witness keys: " + e.getMessage(), e);
		}
	}

	private static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException | UnsupportedOperationException e) {
			log.debug("Could not restrict permissions of {}", file);
		}
	}

	private static long parseLong(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static Instant parseInstant(String value) {
		try {
			return Instant.parse(value.strip());
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
