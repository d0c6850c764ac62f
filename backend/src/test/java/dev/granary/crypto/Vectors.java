package dev.granary.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public vectors (/vectors/filecoin.json on the test class path). */
final class Vectors {

    static final JsonNode ROOT = load();
    static final JsonNode ADDRESSES = ROOT.get("addresses");
    static final JsonNode MESSAGES = ROOT.get("messages");

    private Vectors() {
    }

    static byte[] base64(JsonNode node, String field) {
        return Base64.getDecoder().decode(node.get(field).asString());
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/filecoin.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
