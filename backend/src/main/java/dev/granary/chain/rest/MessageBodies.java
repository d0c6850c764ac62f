package dev.granary.chain.rest;

import dev.granary.api.ApiRequests;
import dev.granary.api.ProblemException;
import dev.granary.api.ProblemType;
import dev.granary.lotusjson.LotusJson;
import dev.granary.message.SignedMessage;
import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies carrying messages: Lotus JSON (read by {@link ApiRequests#body}, so media type, empty
 * body and syntax errors answer as on every route), or for a signed message also its dag-cbor bytes. A
 * syntax error is malformed-json; a well-formed body with a bad field is invalid-request naming the
 * field ("SignedMessage.Signature.Data: not valid base64") or, for CBOR, the byte offset.
 */
final class MessageBodies {

    static final String CBOR = "application/cbor";

    private MessageBodies() {}

    /** A SignedMessage as Lotus JSON ({"Message": …, "Signature": …}) or as dag-cbor with Content-Type application/cbor. */
    static SignedMessage signedMessage(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith(CBOR)) {
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
        if (!contentType.isEmpty() && !contentType.startsWith("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the signed message as application/json"
                + " (Lotus JSON) or as " + CBOR + " (its dag-cbor bytes), not " + ctx.contentType());
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
        JsonNode node = ApiRequests.body(ctx, JsonNode.class);
        if (!(node instanceof ObjectNode object)) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body must be a JSON object: " + expected);
        }
        return object;
    }
}
