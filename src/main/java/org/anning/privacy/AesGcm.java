package org.anning.privacy;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.anning.privacy.spi.FieldCipher;
import org.springframework.stereotype.Component;

/** AES-256-GCM and HMAC-SHA-256 from the JDK: the default, with nothing to install. */
@Component
class AesGcm implements FieldCipher {

	static final String NAME = "aes-gcm";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int id() {
		return 1;
	}

	/** The configured 32 bytes are the AES-256 key itself. */
	@Override
	public byte[] key(byte[] configured) {
		return configured.clone();
	}

	@Override
	public byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
		try {
			return cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plaintext);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	@Override
	public byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData)
			throws AEADBadTagException {
		try {
			return cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData).doFinal(ciphertext);
		}
		catch (AEADBadTagException e) {
			throw e;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	@Override
	public byte[] mac(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}

	private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		cipher.updateAAD(associatedData);
		return cipher;
	}
}
