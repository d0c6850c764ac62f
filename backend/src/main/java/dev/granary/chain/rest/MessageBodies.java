package dev.granary.chain.rest;

import dev.granary.api.ApiRequests;
import dev.granary.api.ProblemException;
import dev.granary.api.ProblemType;
import dev.granary.lotusjson.LotusJson;
import dev.granary.message.SignedMessage;
import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies carrying messages: Lotus JSON, or for a signed message also its dag-cbor bytes. A
 * syntax error is malformed-json; a well-formed body with a bad field is invalid-request naming the
 * field ("SignedMessage.Signature.Data: not valid base64") or, for CBOR, the byte offset.
 */
final class MessageBodies {

    static final String CBOR = "application/cbor";
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private MessageBodies() {}

    /** A SignedMessage as Lotus JSON ({"Message": …, "Signature": …}) or as dag-cbor with Content-Type application/cbor. */
    static SignedMessage signedMessage(Context ctx) {
        if (isCbor(ctx)) {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length == 0) {
                throw ApiRequests.invalid("the request body is empty; send the signed message's dag-cbor bytes");
            }
            try {
                return SignedMessage.fromCbor(bytes);
            } catch (IllegalArgumentException e) {
                throw ApiRequests.invalid("the signed message's CBOR is malformed: " + e.getMessage());
            }
        }
        JsonNode body = jsonObject(ctx, "a signed message in Lotus JSON: {\"Message\": {...}, \"Signature\": {...}}");
        try {
            return LotusJson.signedMessage(body, "SignedMessage");
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("the signed message is malformed: " + e.getMessage());
        }
    }

    /** The body as a JSON object; {@code expected} says what the route wants, for the error. */
    static ObjectNode jsonObject(Context ctx, String expected) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send " + expected + " as application/json"
                + " (got " + contentType + ")");
        }
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is empty; send " + expected);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is not valid JSON" + where + ": "
                + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body must be a JSON object: " + expected);
        }
        return (ObjectNode) node;
    }

    private static boolean isCbor(Context ctx) {
        String contentType = ctx.contentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CBOR);
    }
}
