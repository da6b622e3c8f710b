package org.anning.services;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The file types residents may send, recognised by their first bytes, never by their names. */
public enum MaterialFormat {

	PDF("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
	JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

	private final String contentType;

	private final byte[] signature;

	MaterialFormat(String contentType, byte[] signature) {
		this.contentType = contentType;
		this.signature = signature;
	}

	public String contentType() {
		return contentType;
	}

	/** The format the content is in, judged by its first bytes. */
	public static Optional<MaterialFormat> of(byte[] content) {
		return Arrays.stream(values()).filter(f -> f.matches(content)).findFirst();
	}

	private boolean matches(byte[] content) {
		if (content == null || content.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if (content[i] != signature[i]) {
				return false;
			}
		}
		return true;
	}

	static Set<MaterialFormat> parse(String list) {
		if (list == null || list.isBlank()) {
			return EnumSet.allOf(MaterialFormat.class);
		}
		return Arrays.stream(list.split(",")).map(String::strip).map(MaterialFormat::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(MaterialFormat.class)));
	}

	static String format(Set<MaterialFormat> formats) {
		return formats.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}
}
