package org.anning.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash that chains audit rows: over every field of the row (length-prefixed, so no two rows encode alike)
 * and the previous row's hash. SHA-256 by default; SM3 (GB/T 32905) by configuration. Each row names its
 * algorithm, so a change of configuration does not break the chain.
 */
final class ChainHash {

	static final String SHA_256 = "SHA-256";

	static final String SM3 = "SM3";

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(AuditRecord r) {
		return of(r.hashAlgorithm(), content(r));
	}

	static String of(String algorithm, byte[] content) {
		byte[] digest = switch (algorithm) {
			case SHA_256 -> sha256(content);
			case SM3 -> sm3(content);
			default -> throw new IllegalArgumentException("Unknown hash algorithm " + algorithm);
		};
		return HexFormat.of().formatHex(digest);
	}

	static String normalise(String configured) {
		String name = configured == null ? "" : configured.strip().toUpperCase(java.util.Locale.ROOT);
		return switch (name) {
			case "", "SHA-256", "SHA256" -> SHA_256;
			case "SM3" -> SM3;
			default -> throw new IllegalArgumentException("anning.audit.hash must be SHA-256 or SM3, not " + configured);
		};
	}

	static byte[] content(AuditRecord r) {
		var out = new java.io.ByteArrayOutputStream(512);
		field(out, Long.toString(r.seq()));
		field(out, Long.toString(r.occurredAt().toEpochMilli()));
		field(out, r.actorKind().name());
		field(out, r.actorId());
		field(out, r.actorUnit() == null ? null : r.actorUnit().toString());
		field(out, r.actorRoles());
		field(out, r.action().name());
		field(out, r.objectType());
		field(out, r.objectId());
		field(out, r.subjectResident() == null ? null : r.subjectResident().toString());
		field(out, r.purpose() == null ? null : r.purpose().name());
		field(out, r.purposeRef());
		field(out, r.outcome().name());
		field(out, r.requestId());
		field(out, r.sourceAddress());
		field(out, r.detail());
		field(out, r.hashAlgorithm());
		field(out, r.prevHash());
		return out.toByteArray();
	}

	/** A null field and an empty one encode differently: -1 against 0 as length. */
	private static void field(java.io.ByteArrayOutputStream out, String value) {
		byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
		out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : bytes.length).array());
		out.writeBytes(bytes);
	}

	private static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] sm3(byte[] content) {
		var digest = new SM3Digest();
		digest.update(content, 0, content.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}
}
