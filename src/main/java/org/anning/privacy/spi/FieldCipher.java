package org.anning.privacy.spi;

import javax.crypto.AEADBadTagException;

/**
 * An authenticated cipher for single values of personal data, and the keyed hash that indexes them. Anning
 * offers AES-256-GCM with HMAC-SHA-256 ({@code aes-gcm}, the default) and SM4-GCM with HMAC-SM3
 * ({@code sm4-gcm}); {@code anning.privacy.cipher} chooses the one that seals new values. Every provider stays
 * available for opening, so that values sealed before a change of configuration still open.
 */
public interface FieldCipher {

	/** The name {@code anning.privacy.cipher} chooses it by, e.g. {@code aes-gcm}. */
	String name();

	/**
	 * The number (1 to 255) that marks a value sealed with this cipher. It is stored with every value, so it
	 * belongs to the algorithm for good and is never given to another.
	 */
	int id();

	/** This cipher's own key, derived from the configured 32-byte key. */
	byte[] key(byte[] configured);

	/**
	 * Encrypts and authenticates {@code plaintext} and {@code associatedData} under a 12-byte nonce that is
	 * never used twice with one key.
	 *
	 * @return the ciphertext followed by the 16-byte tag
	 */
	byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData);

	/**
	 * Reverses {@link #encrypt}.
	 *
	 * @throws AEADBadTagException if the ciphertext, nonce, key or associated data differ from those sealed
	 */
	byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData) throws AEADBadTagException;

	/** A keyed hash (HMAC) of {@code message}: the same message and key always give the same bytes. */
	byte[] mac(byte[] key, byte[] message);
}
