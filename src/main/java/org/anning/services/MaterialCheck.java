package org.anning.services;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.anning.services.spi.MaterialScanner;
import org.anning.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks a file before it is stored: not empty, at most {@link #MAX_BYTES}, a PDF, JPEG or PNG by its content
 * (whatever its name says) in a format the requirement accepts, and clean by the virus scanner. Other modules
 * that take residents' files (reports) use it, so the rules are the same everywhere.
 */
@Component
public class MaterialCheck {

	static final int MAX_BYTES = Material.MAX_BYTES;

	static final int MAX_NAME_LENGTH = 200;

	private final MaterialScanner scanner;

	MaterialCheck(MaterialScanner scanner) {
		this.scanner = scanner;
	}

	public record Checked(String fileName, MaterialFormat format, byte[] content, String sha256) {
	}

	public Checked check(String field, String fileName, byte[] content, Set<MaterialFormat> accepted) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException(field, "services.material.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException(field, "services.material.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		MaterialFormat format = MaterialFormat.of(content)
			.orElseThrow(() -> new InvalidInputException(field, "services.material.type", safeName(fileName)));
		if (!accepted.contains(format)) {
			throw new InvalidInputException(field, "services.material.format", format.name(), MaterialFormat.format(accepted));
		}
		String sha256 = sha256(content);
		if (scanner.scan(sha256, content) != MaterialScanner.Verdict.CLEAN) {
			throw new InvalidInputException(field, "services.material.infected", safeName(fileName));
		}
		return new Checked(safeName(fileName), format, content, sha256);
	}

	/** The file's own name without any path, control characters or excess length. */
	static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return "file";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (base.isEmpty()) {
			return "file";
		}
		return base.length() > MAX_NAME_LENGTH ? base.substring(base.length() - MAX_NAME_LENGTH) : base;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
