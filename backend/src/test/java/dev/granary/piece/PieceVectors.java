package dev.granary.piece;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The piece_commitments section of /vectors/filecoin.json and the payloads it describes in words. */
public final class PieceVectors {

    private PieceVectors() {
    }

    public static JsonNode load() {
        try (InputStream in = PieceVectors.class.getResourceAsStream("/vectors/filecoin.json")) {
            if (in == null) {
                throw new IllegalStateException("/vectors/filecoin.json is not on the test class path");
            }
            return JsonMapper.shared().readTree(in).get("piece_commitments");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
