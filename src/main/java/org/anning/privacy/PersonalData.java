package org.anning.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.AEADBadTagException;

import org.anning.privacy.spi.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Seals personal data for storage, opens it again, indexes it for exact look-up, and masks it for display.
 * <p>
 * A sealed value is laid out as: format (1 byte, now 1), cipher id (1 byte), key id (4 bytes), a random 96-bit
 * nonce, then the ciphertext with its 16-byte tag. The header says how to open the value, so that values sealed
 * before a change of cipher still open. The cipher authenticates the value together with the header and the
 * field's name (e.g. {@code resident.id_number}): a value changed in any bit, or copied into another column,
 * does not open.
 * <p>
 * An index is {@code <cipher id>.<index key id>.<HMAC in base64url>} over the field's name and the normalised
 * value: equal values of one field give equal indexes, so a unique index on it keeps values unique, while the
 * same number in two fields gives two unrelated indexes.
 */
@Component
public class PersonalData {

	static final int FORMAT = 1;

	static final int HEADER_LENGTH = 6;

	static final int NONCE_LENGTH = 12;

	static final int TAG_LENGTH = 16;

	private static final HexFormat HEX = HexFormat.of();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final FieldCipher sealing;

	private final Map<Integer, FieldCipher> ciphers = new HashMap<>();

	/** Each cipher's own key, derived once from the configured one. */
	private final Map<Integer, byte[]> cipherKeys = new HashMap<>();

	private final PrivacyKeys keys;

	private final SecureRandom random = new SecureRandom();

	PersonalData(PrivacySettings settings, PrivacyKeys keys, List<FieldCipher> providers) {
		this.keys = keys;
		for (FieldCipher cipher : providers) {
			if (cipher.id() < 1 || cipher.id() > 255 || ciphers.putIfAbsent(cipher.id(), cipher) != null) {
				throw new IllegalStateException("Cipher " + cipher.name() + " needs an id of its own from 1 to 255");
			}
			cipherKeys.put(cipher.id(), cipher.key(keys.sealing()));
		}
		this.sealing = providers.stream()
			.filter(cipher -> cipher.name().equals(settings.cipher()))
			.findFirst()
			.orElseThrow(() -> new PrivacyStartupException(
					PrivacySettings.CIPHER_VARIABLE + " names no cipher Anning knows: " + settings.cipher() + ".",
					"Set " + PrivacySettings.CIPHER_VARIABLE + " to one of: "
							+ providers.stream().map(FieldCipher::name).sorted().collect(Collectors.joining(", "))
							+ ".",
					null));
	}

	/** Seals {@code value} of {@code field} (e.g. {@code resident.id_number}) and indexes it. */
	public Sealed seal(String field, String value) {
		return new Sealed(encrypt(checked(field), value), index(field, value));
	}

	/**
	 * The value that {@link #seal} sealed for {@code field}.
	 *
	 * @throws Unreadable if it was changed, sealed for another field, or sealed with a key or cipher not configured
	 */
	public String open(String field, byte[] sealed) {
		checked(field);
		if (sealed == null || sealed.length < HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH) {
			throw new Unreadable(field, "it is too short to be sealed");
		}
		ByteBuffer in = ByteBuffer.wrap(sealed);
		int format = Byte.toUnsignedInt(in.get());
		int cipherId = Byte.toUnsignedInt(in.get());
		int keyId = in.getInt();
		if (format != FORMAT) {
			throw new Unreadable(field, "format " + format + " is unknown");
		}
		FieldCipher cipher = ciphers.get(cipherId);
		if (cipher == null) {
			throw new Unreadable(field, "it was sealed with cipher " + cipherId + ", which no provider offers");
		}
		if (keyId != keys.sealingId()) {
			throw new Unreadable(field, "it was sealed with key " + HEX.toHexDigits(keyId)
					+ ", not with the configured key " + HEX.toHexDigits(keys.sealingId()));
		}
		byte[] header = Arrays.copyOfRange(sealed, 0, HEADER_LENGTH);
		byte[] nonce = Arrays.copyOfRange(sealed, HEADER_LENGTH, HEADER_LENGTH + NONCE_LENGTH);
		byte[] ciphertext = Arrays.copyOfRange(sealed, HEADER_LENGTH + NONCE_LENGTH, sealed.length);
		try {
			byte[] value = cipher.decrypt(cipherKeys.get(cipherId), nonce, ciphertext, associatedData(header, field));
			return new String(value, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new Unreadable(field, "it was changed, or sealed for another field");
		}
	}

	/**
	 * The keyed index of {@code value} of {@code field}, for exact look-up: the same for every spelling that
	 * normalises alike (surrounding spaces, case, full-width digits).
	 */
	public String index(String field, String value) {
		byte[] message = (checked(field) + '\0' + normalised(value)).getBytes(StandardCharsets.UTF_8);
		return indexPrefix() + BASE64URL.encodeToString(sealing.mac(keys.index(), message));
	}

	/**
	 * Stops start-up when stored data was sealed with another key, or indexed with another cipher or index key,
	 * than the configured ones: its values would not open, and look-ups and the uniqueness of the index would
	 * silently miss it.
	 *
	 * @param stored a value of {@code field} as stored, with its index
	 */
	public void requireConfiguredKeys(String field, Sealed stored) {
		if (!stored.index().startsWith(indexPrefix())) {
			throw new PrivacyStartupException("The stored indexes of " + field + " were made with another "
					+ PrivacySettings.CIPHER_VARIABLE + " or " + PrivacySettings.INDEX_KEY_VARIABLE
					+ " than the configured ones.",
					"Set " + PrivacySettings.CIPHER_VARIABLE + " and " + PrivacySettings.INDEX_KEY_VARIABLE
							+ " back to the ones the data was stored with: stored data cannot be indexed anew yet.",
					null);
		}
		byte[] sealed = stored.ciphertext();
		if (sealed.length < HEADER_LENGTH || ByteBuffer.wrap(sealed, 2, 4).getInt() != keys.sealingId()) {
			throw new PrivacyStartupException("The stored values of " + field + " were sealed with another "
					+ PrivacySettings.KEY_VARIABLE + " than the configured one.",
					"Set " + PrivacySettings.KEY_VARIABLE + " back to the key the data was sealed with.", null);
		}
	}

	/** An identity number with all but the first four and last four characters hidden: {@code 1101**********123X}. */
	public static String maskIdNumber(String value) {
		return mask(value, 4, 4);
	}

	/** A mobile number with all but the first three and the last four digits hidden: {@code 138****5678}. */
	public static String maskMobile(String value) {
		return mask(value, 3, 4);
	}

	private static String mask(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length()); // too short to show any of it and hide the rest
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

	private String indexPrefix() {
		return sealing.id() + "." + HEX.toHexDigits(keys.indexId()) + ".";
	}

	private byte[] encrypt(String field, String value) {
		byte[] nonce = new byte[NONCE_LENGTH];
		random.nextBytes(nonce);
		byte[] header = ByteBuffer.allocate(HEADER_LENGTH)
			.put((byte) FORMAT)
			.put((byte) sealing.id())
			.putInt(keys.sealingId())
			.array();
		byte[] ciphertext = sealing.encrypt(cipherKeys.get(sealing.id()), nonce, value.getBytes(StandardCharsets.UTF_8),
				associatedData(header, field));
		return ByteBuffer.allocate(HEADER_LENGTH + NONCE_LENGTH + ciphertext.length)
			.put(header)
			.put(nonce)
			.put(ciphertext)
			.array();
	}

	private static byte[] associatedData(byte[] header, String field) {
		byte[] name = field.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(header.length + name.length).put(header).put(name).array();
	}

	private static String normalised(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
	}

	private static String checked(String field) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException("A field is named, e.g. resident.id_number");
		}
		return field;
	}

	/** A sealed value that does not open; the message names the field and why, never the value. */
	public static final class Unreadable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unreadable(String field, String why) {
			super("A sealed value of " + field + " does not open: " + why + ".");
		}
	}
}
