package org.anning.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.anning.database.DataDirectory;
import org.anning.database.DemoMode;

/**
 * The two keys that protect personal data, 32 bytes each: one seals values, the other indexes them. They are
 * kept apart so that the index, which must stay the same for equal values, never uses the key that encrypts.
 * <p>
 * They come from {@code ANNING_PRIVACY_KEY} and {@code ANNING_PRIVACY_INDEX_KEY}. Without them, with the
 * embedded database or in demo mode, they are generated once into {@code <data dir>/keys}; an external
 * database without them does not start, since keys generated on one node would not open another node's data.
 */
final class PrivacyKeys {

	static final int LENGTH = 32;

	static final String KEY_FILE = "personal-data.key";

	static final String INDEX_KEY_FILE = "personal-data-index.key";

	private static final byte[] ID_LABEL = "anning.privacy key id".getBytes(StandardCharsets.US_ASCII);

	private final byte[] sealing;

	private final byte[] index;

	private final int sealingId;

	private final int indexId;

	PrivacyKeys(byte[] sealing, byte[] index) {
		if (sealing.length != LENGTH || index.length != LENGTH) {
			throw new IllegalArgumentException("Keys have " + LENGTH + " bytes");
		}
		this.sealing = sealing.clone();
		this.index = index.clone();
		this.sealingId = id(sealing);
		this.indexId = id(index);
	}

	static PrivacyKeys resolve(PrivacySettings settings, DataDirectory data, DemoMode demo) {
		if (!data.embedded() && !demo.on()) {
			List<String> missing = new ArrayList<>();
			if (!settings.hasKey()) {
				missing.add(PrivacySettings.KEY_VARIABLE);
			}
			if (!settings.hasIndexKey()) {
				missing.add(PrivacySettings.INDEX_KEY_VARIABLE);
			}
			if (!missing.isEmpty()) {
				String variables = String.join(" and ", missing);
				throw new PrivacyStartupException("Personal data cannot be protected: with an external database "
						+ variables + " must be set.",
						"Set " + variables + (missing.size() > 1 ? ", each to its own" : " to") + " 32 random bytes in "
								+ "base64 (openssl rand -base64 32), the same on every node, and keep a copy in a safe "
								+ "place: data sealed with a key cannot be read without it.",
						null);
			}
		}
		KeyFiles files = new KeyFiles(data.path().resolve("keys"));
		byte[] sealing = settings.hasKey() ? configured(PrivacySettings.KEY_VARIABLE, settings.key())
				: files.load(KEY_FILE);
		byte[] index = settings.hasIndexKey() ? configured(PrivacySettings.INDEX_KEY_VARIABLE, settings.indexKey())
				: files.load(INDEX_KEY_FILE);
		if (Arrays.equals(sealing, index)) {
			throw new PrivacyStartupException(PrivacySettings.KEY_VARIABLE + " and "
					+ PrivacySettings.INDEX_KEY_VARIABLE + " hold the same key.",
					"Set " + PrivacySettings.INDEX_KEY_VARIABLE + " to a key of its own (openssl rand -base64 32).",
					null);
		}
		return new PrivacyKeys(sealing, index);
	}

	/** 32 bytes from base64 text. */
	static byte[] decode(String text) {
		byte[] key = Base64.getDecoder().decode(text.strip());
		if (key.length != LENGTH) {
			throw new IllegalArgumentException("A key has " + LENGTH + " bytes, not " + key.length);
		}
		return key;
	}

	private static byte[] configured(String variable, String text) {
		try {
			return decode(text);
		}
		catch (IllegalArgumentException e) {
			throw new PrivacyStartupException(variable + " is not " + LENGTH + " bytes in base64.",
					"Set " + variable + " to 32 random bytes in base64: the output of openssl rand -base64 32.", e);
		}
	}

	byte[] sealing() {
		return sealing;
	}

	byte[] index() {
		return index;
	}

	/** Names the sealing key in every value it sealed, without revealing it. */
	int sealingId() {
		return sealingId;
	}

	/** Names the index key in every index it made, without revealing it. */
	int indexId() {
		return indexId;
	}

	/** The first four bytes of an HMAC-SHA-256 under the key: the same key, the same id, whatever the cipher. */
	private static int id(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return ByteBuffer.wrap(mac.doFinal(ID_LABEL)).getInt();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}

	/** Never shows the keys. */
	@Override
	public String toString() {
		return "PrivacyKeys[sealing=%08x, index=%08x]".formatted(sealingId(), indexId());
	}
}
