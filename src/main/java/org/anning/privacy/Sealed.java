package org.anning.privacy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value of personal data as it is stored: {@code ciphertext} (header, nonce, encrypted value and tag) for a
 * {@code bytea} column, and {@code index} for exact look-up and uniqueness in the column beside it.
 */
public record Sealed(byte[] ciphertext, String index) {

	public Sealed {
		Objects.requireNonNull(ciphertext, "ciphertext");
		Objects.requireNonNull(index, "index");
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Sealed other && Arrays.equals(ciphertext, other.ciphertext) && index.equals(other.index);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(ciphertext) + index.hashCode();
	}

	@Override
	public String toString() {
		return "Sealed[" + ciphertext.length + " bytes, index=" + index + "]";
	}
}
