package dev.granary.piece;

import dev.granary.kernels.testing.VectorPayloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
        return VectorPayloads.payload(description);
    }
}
