package dev.granary.messages.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.Problem;
import dev.granary.api.ProblemException;
import dev.granary.api.ProblemType;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.audit.Page;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageQuery;
import dev.granary.messages.MessageService;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.ReplaceRequest;
import dev.granary.messages.SendRequest;
import dev.granary.multiformats.Cid;
import dev.granary.units.Durations;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /api/v1/messages: what the node sent, its state, replacements; sending FIL; replacing by fee. */
public final class OutgoingMessageRoutes implements RouteGroup {

    static final String TAG = "messages";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final String WAIT_TIMEOUT_TYPE = "urn:granary:problem:message-wait-timeout";

    private final MessageService messages;

    public OutgoingMessageRoutes(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public List<ApiRoute> routes() {
        JsonSchema message = MessageJson.messageSchema();
        return List.of(
            ApiRoute.get("/v1/messages").permission(Permission.READ).tag(TAG)
                .summary("Messages this node sent, newest first: ?from=ADDR &state=pushed|... &before=ID (the previous"
                    + " page's nextCursor) &limit=N (1-500, default 50)")
                .response(200, "A page of messages", JsonSchema.object()
                    .prop("messages", JsonSchema.array(message))
                    .prop("nextCursor", JsonSchema.string().description("Pass as ?before= for older messages; null at the end")))
                .handler(this::list),
            ApiRoute.get("/v1/messages/{id}").permission(Permission.READ).tag(TAG)
                .summary("One sent message by its id, or by any CID it was pushed under (the original or a replacement)")
                .response(200, "The message", message)
                .handler(ctx -> ctx.json(MessageJson.message(find(ctx)))),
            ApiRoute.get("/v1/messages/{id}/replacements").permission(Permission.READ).tag(TAG)
                .summary("Every replace-by-fee of the message, oldest first")
                .response(200, "The replacements", JsonSchema.array(MessageJson.replacementSchema()))
                .handler(this::replacements),
            ApiRoute.post("/v1/messages").permission(Permission.SIGN).tag(TAG)
                .summary("Send FIL: {to, value (\"1.5 FIL\" or attoFIL digits), from? (default: the wallet's default),"
                    + " maxFee?, idempotencyKey?} (or the Idempotency-Key header). 201 with the message; a retry with the"
                    + " same key answers 200 with the first message. Refused by the pool: 409 message-rejected with"
                    + " messageId and the reason (nothing sent, nonce given back)")
                .requestBody(JsonSchema.object().prop("to", JsonSchema.string()).prop("value", JsonSchema.string())
                    .prop("from", JsonSchema.string(), false).prop("maxFee", JsonSchema.string(), false)
                    .prop("idempotencyKey", JsonSchema.string(), false))
                .response(201, "Sent: the message, state pushed", message)
                .response(200, "A retry: the message the first request with this idempotency key sent", message)
                .handler(this::send),
            ApiRoute.post("/v1/messages/{id}/replace").permission(Permission.SIGN).tag(TAG)
                .summary("Replace a pending message by fee (lotus mpool replace): {auto: true} raises the premium by"
                    + " messages.replace-premium-factor and re-estimates the fee cap; or {gasPremium, gasFeeCap?} in"
                    + " attoFIL; maxFee? caps fee cap × gas limit (default: the message's max fee); reason?")
                .requestBody(JsonSchema.object().prop("auto", JsonSchema.bool(), false)
                    .prop("gasPremium", JsonSchema.string(), false).prop("gasFeeCap", JsonSchema.string(), false)
                    .prop("maxFee", JsonSchema.string(), false).prop("reason", JsonSchema.string(), false))
                .response(200, "The message with its new CID and fees", message)
                .handler(this::replace),
            ApiRoute.post("/v1/messages/{id}/wait").permission(Permission.READ).tag(TAG)
                .summary("Wait until the message is confirmed, failed or rejected; ?timeout=60s (at most 5m), then 504"
                    + " message-wait-timeout")
                .response(200, "The message in its final state", message)
                .handler(this::waitFor));
    }

    private void list(Context ctx) {
        Optional<Address> from = Optional.ofNullable(ctx.queryParam("from")).filter(s -> !s.isBlank())
            .map(s -> address(s, "query parameter from"));
        Optional<MessageState> state = Optional.ofNullable(ctx.queryParam("state")).filter(s -> !s.isBlank())
            .map(OutgoingMessageRoutes::state);
        Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).filter(s -> !s.isBlank())
            .map(s -> positiveLong(s, "query parameter before"));
        int limit = ApiRequests.limit(ctx, 50, MessageService.MAX_LIST);
        Page<OutgoingMessage> page = messages.list(RestAccess.actor(ctx), new MessageQuery(from, state, before, limit));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("messages");
        page.items().forEach(m -> items.add(MessageJson.message(m)));
        out.put("nextCursor", page.nextCursor());
        ctx.json(out);
    }

    private void replacements(Context ctx) {
        OutgoingMessage m = find(ctx);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        messages.replacements(RestAccess.actor(ctx), m.id()).forEach(r -> out.add(MessageJson.replacement(r)));
        ctx.json(out);
    }

    private void send(Context ctx) {
        JsonNode body = object(ctx);
        ApiRequests.onlyFields(body, "to", "value", "from", "maxFee", "idempotencyKey");
        Address to = address(requiredText(body, "to"), "to");
        TokenAmount value = amount(body, "value", true).orElseThrow();
        Address from = Optional.ofNullable(text(body, "from")).filter(s -> !s.isBlank()).map(s -> address(s, "from"))
            .orElse(null);
        Optional<TokenAmount> maxFee = amount(body, "maxFee", false);
        Optional<String> key = Optional.ofNullable(ctx.header(IDEMPOTENCY_HEADER)).filter(s -> !s.isBlank())
            .or(() -> Optional.ofNullable(text(body, "idempotencyKey")).filter(s -> !s.isBlank()));
        SendRequest request = new SendRequest(from, to, value, 0, new byte[0], "send", maxFee, key);
        MessageService.Sent sent = messages.submit(RestAccess.actor(ctx), request);
        if (sent.message().state() == MessageState.REJECTED) {
            throw MessageJson.refused(sent.message());
        }
        ctx.header("Location", "/api/v1/messages/" + sent.message().id());
        ctx.status(sent.created() ? 201 : 200).json(MessageJson.message(sent.message()));
    }

    private void replace(Context ctx) {
        OutgoingMessage m = find(ctx);
        JsonNode body = object(ctx);
        ApiRequests.onlyFields(body, "auto", "gasPremium", "gasFeeCap", "maxFee", "reason");
        boolean auto = body.has("auto") && body.get("auto").asBoolean(false);
        ReplaceRequest request = new ReplaceRequest(auto, amount(body, "gasPremium", false), amount(body, "gasFeeCap", false),
            amount(body, "maxFee", false), Optional.ofNullable(text(body, "reason")).orElse(""));
        if (!auto && request.gasPremium().isEmpty()) {
            throw ApiRequests.invalid("replacing message " + m.id() + ": send {\"auto\": true}, or a gasPremium"
                + " (attoFIL per gas unit) and optionally a gasFeeCap");
        }
        ctx.json(MessageJson.message(messages.replace(RestAccess.actor(ctx), m.id(), request)));
    }

    private void waitFor(Context ctx) throws InterruptedException {
        OutgoingMessage m = find(ctx);
        Duration timeout = timeout(ctx.queryParam("timeout"));
        try {
            ctx.json(MessageJson.message(messages.await(RestAccess.actor(ctx), m.id(), timeout)));
        } catch (TimeoutException e) {
            throw new ProblemException(new Problem(WAIT_TIMEOUT_TYPE, "Not final in time", 504, e.getMessage(), null,
                null, Map.of("state", messages.get(RestAccess.actor(ctx), m.id()).state().id())));
        }
    }

    /** {id} is a message id, or a CID it was pushed under. */
    private OutgoingMessage find(Context ctx) {
        String text = ctx.pathParam("id").strip();
        Actor actor = RestAccess.actor(ctx);
        if (text.matches("\\d{1,18}")) {
            return messages.get(actor, Long.parseLong(text));
        }
        Cid cid;
        try {
            cid = Cid.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("path parameter id '" + clip(text) + "' is neither a message id (a number) nor a"
                + " message CID (bafy2bzace…)");
        }
        return messages.findByCid(actor, cid).orElseThrow(() -> new NotFoundException(
            "no message this node sent was pushed under " + cid + "; GET /api/v1/chain/messages/" + cid
                + " looks for any message"));
    }

    private static JsonNode object(Context ctx) {
        if (ctx.body().isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node = ApiRequests.body(ctx, JsonNode.class);
        if (!node.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiRequests.invalid(field + " must be a string");
        }
        return v.asString();
    }

    private static String requiredText(JsonNode body, String field) {
        String s = text(body, field);
        if (s == null || s.isBlank()) {
            throw ApiRequests.invalid(field + " is required");
        }
        return s;
    }

    /**
     * An amount: a string with a unit ("1.5 FIL", "250 nanoFIL", "7 attoFIL"), or digits alone (or a
     * JSON integer) meaning attoFIL, as Lotus JSON writes amounts. A bare decimal is refused as ambiguous.
     */
    static Optional<TokenAmount> amount(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            if (required) {
                throw ApiRequests.invalid(field + " is required: an amount such as \"1.5 FIL\" or attoFIL digits");
            }
            return Optional.empty();
        }
        if (v.isIntegralNumber()) {
            BigInteger atto = v.bigIntegerValue();
            if (atto.signum() < 0) {
                throw ApiRequests.invalid(field + " must not be negative");
            }
            return Optional.of(TokenAmount.ofAtto(atto));
        }
        if (!v.isString()) {
            throw ApiRequests.invalid(field + " must be a string such as \"1.5 FIL\" or attoFIL digits");
        }
        String text = v.asString().strip();
        if (text.matches("\\d{1,80}")) {
            return Optional.of(TokenAmount.ofAtto(new BigInteger(text)));
        }
        if (text.matches("[0-9.]+")) {
            throw ApiRequests.invalid(field + " '" + clip(text) + "' has no unit: write \"" + text
                + " FIL\", or attoFIL as digits only");
        }
        try {
            return Optional.of(TokenAmount.parse(text));
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid(field + " '" + clip(text) + "' is not an amount: " + e.getMessage());
        }
    }

    private static Address address(String text, String what) {
        try {
            return Address.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid(what + " '" + clip(text) + "' is not a Filecoin address (f1…, f3…, f0…): "
                + e.getMessage());
        }
    }

    private static MessageState state(String text) {
        try {
            return MessageState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("query parameter state '" + clip(text) + "' must be one of recorded, pushed,"
                + " executed, confirmed, failed, rejected");
        }
    }

    private static long positiveLong(String text, String what) {
        if (!text.strip().matches("\\d{1,18}")) {
            throw ApiRequests.invalid(what + " must be a whole number, got '" + clip(text) + "'");
        }
        return Long.parseLong(text.strip());
    }

    private static Duration timeout(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_WAIT;
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("query parameter timeout: " + e.getMessage());
        }
        if (d.isZero() || d.isNegative() || d.compareTo(MAX_WAIT) > 0) {
            throw ApiRequests.invalid("query parameter timeout must be more than 0s and at most "
                + Durations.format(MAX_WAIT) + ", got " + clip(text) + "; call again to keep waiting");
        }
        return d;
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
