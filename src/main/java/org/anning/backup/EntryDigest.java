package org.anning.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes on while it computes their SHA-256 and size.
 */
final class EntryDigest extends FilterOutputStream {

	private static final HexFormat HEX = HexFormat.of();

	private final MessageDigest whole = sha256();

	private long bytes;

	EntryDigest(OutputStream out) {
		super(out);
	}

	/** A digest that only computes, for reading an entry or a table back. */
	static EntryDigest discarding() {
		return new EntryDigest(OutputStream.nullOutputStream());
	}

	static EntryDigest of(InputStream in) throws IOException {
		EntryDigest digest = discarding();
		in.transferTo(digest);
		return digest;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] buffer, int offset, int length) throws IOException {
		out.write(buffer, offset, length);
		whole.update(buffer, offset, length);
		bytes += length;
	}

	long bytes() {
		return bytes;
	}

	String sha256Hex() {
		return HEX.formatHex(whole.digest());
	}

	static String sha256Hex(byte[] content) {
		return HEX.formatHex(sha256().digest(content));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}
}
