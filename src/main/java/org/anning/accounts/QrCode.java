package org.anning.accounts;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Renders text as a QR code in SVG, without java.awt, so it can be inlined in a page
 * (e.g. the otpauth URI when a user enrols an authenticator app).
 */
public final class QrCode {

    static final int MARGIN_MODULES = 4; // the quiet zone the QR specification requires

    private QrCode() {
    }

    /**
     * A standalone SVG, one user unit per module, quiet zone included; it scales to any size
     * because it has a viewBox and no fixed width or height.
     *
     * @throws IllegalArgumentException if the text is empty or too long for a QR code
     */
    public static String svg(String text) {
        BitMatrix matrix = matrix(text);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                // One rectangle per horizontal run of dark modules keeps the path far smaller than one per module.
                path.append('M').append(start).append(' ').append(y)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\""
                + " shape-rendering=\"crispEdges\" role=\"img\">"
                // Explicit white background: scanners need the light quiet zone even on dark pages.
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/>"
                + "</svg>";
    }

    /** The module matrix, quiet zone included, exactly as rendered by {@link #svg(String)}. */
    static BitMatrix matrix(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR code text must not be empty");
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, MARGIN_MODULES);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            // zxing's default byte encoding is ISO-8859-1; ask for UTF-8 only when the text needs it, since the
            // hint adds an ECI header that plain ASCII (e.g. otpauth URIs) does not need.
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // Size 0 asks zxing for its natural size: one matrix cell per module.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text cannot be encoded as a QR code", e);
        }
    }
}
