package org.anning.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

import org.anning.privacy.spi.FieldCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * SM4-GCM and HMAC-SM3 (the Chinese commercial algorithms, GB/T 32907 and GB/T 32905) from BouncyCastle's
 * lightweight API, so that no JCA provider has to be registered.
 */
@Component
class Sm4Gcm implements FieldCipher {

	static final String NAME = "sm4-gcm";

	private static final byte[] KEY_LABEL = "anning.privacy sm4-gcm key".getBytes(StandardCharsets.US_ASCII);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int id() {
		return 2;
	}

	/**
	 * SM4 takes 16 bytes: derived with HMAC-SM3 rather than cut from the configured key, so that it shares no
	 * bytes with the AES key made from the same configuration.
	 */
	@Override
	public byte[] key(byte[] configured) {
		return Arrays.copyOf(mac(configured, KEY_LABEL), 16);
	}

	@Override
	public byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
		try {
			return process(true, key, nonce, plaintext, associatedData);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("SM4-GCM could not encrypt", e);
		}
	}

	@Override
	public byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData)
			throws AEADBadTagException {
		try {
			return process(false, key, nonce, ciphertext, associatedData);
		}
		catch (InvalidCipherTextException e) {
			throw new AEADBadTagException(e.getMessage());
		}
	}

	@Override
	public byte[] mac(byte[] key, byte[] message) {
		HMac hmac = new HMac(new SM3Digest());
		hmac.init(new KeyParameter(key));
		hmac.update(message, 0, message.length);
		byte[] out = new byte[hmac.getMacSize()];
		hmac.doFinal(out, 0);
		return out;
	}

	private static byte[] process(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData)
			throws InvalidCipherTextException {
		GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, associatedData));
		byte[] output = new byte[gcm.getOutputSize(input.length)];
		int length = gcm.processBytes(input, 0, input.length, output, 0);
		length += gcm.doFinal(output, length);
		return length == output.length ? output : Arrays.copyOf(output, length);
	}
}
