package org.anning.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;

class QrCodeTests {

    private static final String TEXT = Totp.otpauthUri("Anning", "ann@example.org", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern PATH_DATA = Pattern.compile("<path [^>]*d=\"([^\"]*)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    private static final String[] FINDER = {
            "1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111" };

    @Test
    void rendersStandaloneSvgWithOnePath() {
        String svg = QrCode.svg(TEXT);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("shape-rendering=\"crispEdges\"", "role=\"img\"")
                .endsWith("</svg>");
        assertThat(svg.split("<path ", -1)).hasSize(2);
        assertThat(svg).doesNotContain("\n");
    }

    @Test
    void decodesBackToTheEncodedText() {
        // zxing core can read a QR code from raw pixels without java.awt, so read back what the path draws.
        assertThat(decode(parse(QrCode.svg(TEXT)))).isEqualTo(TEXT);
    }

    @Test
    void decodesNonAsciiTextBackIntact() {
        // zxing would otherwise encode in ISO-8859-1 and turn these characters into '?'.
        String text = "otpauth://totp/\u5b89\u5b81:zo\u00eb";

        assertThat(decode(parse(QrCode.svg(text)))).isEqualTo(text);
    }

    @Test
    void drawsExactlyTheModulesOfZxingMatrix() {
        BitMatrix expected = zxingMatrix(TEXT);

        boolean[][] drawn = parse(QrCode.svg(TEXT));

        assertThat(drawn.length).isEqualTo(expected.getHeight());
        for (int y = 0; y < drawn.length; y++) {
            assertThat(drawn[y].length).isEqualTo(expected.getWidth());
            for (int x = 0; x < drawn[y].length; x++) {
                assertThat(drawn[y][x]).as("module %d,%d", x, y).isEqualTo(expected.get(x, y));
            }
        }
    }

    @Test
    void usesOneUnitPerModuleWithFourModuleQuietZone() {
        boolean[][] drawn = parse(QrCode.svg(TEXT));
        int size = drawn.length;

        // QR symbols are 21 + 4k modules wide (version k + 1), plus 4 blank modules on each side.
        assertThat((size - 2 * 4 - 21) % 4).isZero();
        for (int i = 0; i < size; i++) {
            for (int m = 0; m < 4; m++) {
                assertThat(drawn[m][i] || drawn[size - 1 - m][i] || drawn[i][m] || drawn[i][size - 1 - m])
                        .as("quiet zone at %d,%d", i, m).isFalse();
            }
        }
    }

    @Test
    void drawsFinderPatternsInThreeCorners() {
        boolean[][] drawn = parse(QrCode.svg(TEXT));
        int far = drawn.length - 4 - 7;

        assertFinderAt(drawn, 4, 4);
        assertFinderAt(drawn, far, 4);
        assertFinderAt(drawn, 4, far);
        // The fourth corner has no finder pattern: that is how scanners find the orientation.
        assertThat(rows(drawn, far, far)).isNotEqualTo(FINDER);
    }

    @Test
    void mergesHorizontalRunsOfDarkModules() {
        String svg = QrCode.svg(TEXT);

        // The top edge of the top-left finder pattern is one 7-module run, not seven squares.
        assertThat(svg).contains("M4 4h7v1h-7z").doesNotContain("M5 4h");
    }

    @Test
    void refusesEmptyText() {
        assertThatIllegalArgumentException().isThrownBy(() -> QrCode.svg(""));
    }

    private static void assertFinderAt(boolean[][] drawn, int left, int top) {
        assertThat(rows(drawn, left, top)).as("finder pattern at %d,%d", left, top).containsExactly(FINDER);
    }

    private static String[] rows(boolean[][] drawn, int left, int top) {
        String[] rows = new String[7];
        for (int dy = 0; dy < 7; dy++) {
            StringBuilder row = new StringBuilder();
            for (int dx = 0; dx < 7; dx++) {
                row.append(drawn[top + dy][left + dx] ? '1' : '0');
            }
            rows[dy] = row.toString();
        }
        return rows;
    }

    /** Turns the SVG back into a module grid, checking the path holds nothing but unit-high runs. */
    private static boolean[][] parse(String svg) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertThat(viewBox.find()).as("viewBox").isTrue();
        int width = Integer.parseInt(viewBox.group(1));
        int height = Integer.parseInt(viewBox.group(2));
        Matcher pathData = PATH_DATA.matcher(svg);
        assertThat(pathData.find()).as("path").isTrue();
        String d = pathData.group(1);
        assertThat(d).isNotEmpty();

        boolean[][] grid = new boolean[height][width];
        Matcher run = RUN.matcher(d);
        int end = 0;
        while (run.find()) {
            // Runs must follow one another with nothing in between (no other path commands).
            assertThat(run.start()).as("path data at %d", end).isEqualTo(end);
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int i = 0; i < length; i++) {
                assertThat(grid[y][x + i]).as("module %d,%d drawn twice", x + i, y).isFalse();
                grid[y][x + i] = true;
            }
        }
        assertThat(end).as("path data fully parsed").isEqualTo(d.length());
        return grid;
    }

    /** Rasterises the grid at 4 pixels per module (black on white) and reads it with zxing's decoder. */
    private static String decode(boolean[][] grid) {
        int scale = 4;
        int size = grid.length * scale;
        int[] pixels = new int[size * size];
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                pixels[py * size + px] = grid[py / scale][px / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new AssertionError("QR code could not be decoded", e);
        }
    }

    private static BitMatrix zxingMatrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
