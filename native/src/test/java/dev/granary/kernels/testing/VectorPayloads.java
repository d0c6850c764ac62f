package dev.granary.kernels.testing;

import java.util.Arrays;

/**
 * The payloads the piece_commitments vectors describe in words, for every module's tests (the backend
 * uses them through this module's test jar).
 */
public final class VectorPayloads {

    private VectorPayloads() {
    }

    public static byte[] payload(String description) {
        return switch (description) {
            case "127 bytes of 0xCC" -> filled(127, 0xcc);
            case "1024 bytes of 0xCC" -> filled(1024, 0xcc);
            case "1016 bytes of 0xCC" -> filled(1016, 0xcc);
            case "127 bytes of 0x00, then 127 of 0x01, 127 of 0x02, 127 of 0x03" -> {
                byte[] b = new byte[4 * 127];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i / 127);
                }
                yield b;
            }
            default -> throw new IllegalArgumentException("no builder for payload: " + description);
        };
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
