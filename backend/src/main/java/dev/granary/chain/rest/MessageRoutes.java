package dev.granary.chain.rest;

import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.MessageLookup;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import dev.granary.lotusjson.LotusJson;
import dev.granary.message.Message;
import dev.granary.multiformats.Cid;
import dev.granary.units.Durations;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.node.ObjectNode;

/** /api/v1/chain/messages: a message, where it executed, waiting for it; and gas estimation. */
public final class MessageRoutes implements RouteGroup {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final int MAX_CONFIDENCE = 900;

    private final ChainApi chain;
    private final ChainRestJson json;

    public MessageRoutes(ChainApi chain) {
        this.chain = chain;
        this.json = ChainRestJson.mainnet();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
            ApiRoute.get("/v1/chain/messages/{cid}").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("A message on chain or in the pool, unsigned (Lotus ChainGetMessage)")
                .response(200, "Lotus Message JSON", ChainSchemas.message())
                .handler(ctx -> ctx.json(json.lotus().message(chain.chainGetMessage(ChainParams.cid(ctx, "cid"))))),
            ApiRoute.get("/v1/chain/messages/{cid}/lookup").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("Where a message was executed and its receipt (Lotus StateSearchMsg); 404 until it has been")
                .response(200, "Lotus MsgLookup JSON", ChainSchemas.messageLookup())
                .handler(this::lookup),
            ApiRoute.get("/v1/chain/messages/{cid}/wait").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("Wait until a message has executed and ?confidence=N (default 0) tipsets are built on it"
                    + " (Lotus StateWaitMsg); ?timeout=30s (at most 5m), then 504 chain-wait-timeout")
                .response(200, "Lotus MsgLookup JSON", ChainSchemas.messageLookup())
                .handler(this::waitFor),
            ApiRoute.post("/v1/chain/gas-estimate").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("Fill in a message's zero gas fields (Lotus GasEstimateMessageGas); ?maxFee=attoFIL caps the fee."
                    + " From and To are required; other absent fields are zero, and an absent Nonce is the sender's next")
                .requestBody(ChainSchemas.message())
                .response(200, "The message with GasLimit, GasFeeCap and GasPremium set", ChainSchemas.message())
                .handler(this::estimateGas));
    }

    private void lookup(Context ctx) {
        Cid cid = ChainParams.cid(ctx, "cid");
        Optional<MessageLookup> found = chain.stateSearchMsg(cid);
        if (found.isEmpty()) {
            throw new NotFoundException(notExecuted(cid));
        }
        ctx.json(json.messageLookup(found.get()));
    }

    /** Says whether the message is unknown or only not executed yet: the two need different actions. */
    private String notExecuted(Cid cid) {
        try {
            chain.chainGetMessage(cid);
        } catch (NotFoundException e) {
            return "no message " + cid + " on chain or in the message pool; check the CID, or push the message first";
        }
        return "message " + cid + " has not been executed yet: it runs in the tipset after the one that includes it"
            + " (GET .../wait waits for it)";
    }

    private void waitFor(Context ctx) throws InterruptedException {
        Cid cid = ChainParams.cid(ctx, "cid");
        long confidence = ChainParams.optionalLong(ctx, "confidence").orElse(0L);
        if (confidence > MAX_CONFIDENCE) {
            throw ApiRequests.invalid("query parameter confidence must be at most " + MAX_CONFIDENCE + " (finality), got "
                + confidence);
        }
        Duration timeout = ChainParams.duration(ctx, "timeout", DEFAULT_WAIT, MAX_WAIT);
        chain.chainGetMessage(cid); // an unknown CID is a 404 now, not a timeout later
        try {
            ctx.json(json.messageLookup(chain.stateWaitMsg(cid, confidence, timeout)));
        } catch (TimeoutException e) {
            throw ChainProblems.waitTimedOut("message " + cid + " was not executed with " + confidence
                + " confirmations within " + Durations.format(timeout) + "; call again to keep waiting");
        }
    }

    private void estimateGas(Context ctx) {
        ObjectNode body = MessageBodies.jsonObject(ctx, "a message in Lotus JSON (From, To, Value, Method, Params)");
        Optional<TokenAmount> maxFee = ChainParams.attoFil(ctx, "maxFee");
        Message message;
        try {
            message = LotusJson.message(withZeroDefaults(body), "Message");
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("the message is malformed: " + e.getMessage());
        }
        if (!body.hasNonNull("Nonce")) {
            message = new Message(message.version(), message.to(), message.from(), chain.mpoolGetNonce(message.from()),
                message.value(), message.gasLimit(), message.gasFeeCap(), message.gasPremium(), message.method(),
                message.params());
        }
        ctx.json(json.lotus().message(chain.gasEstimateMessageGas(message, maxFee)));
    }

    /** Go's zero values for absent fields, as Lotus' JSON decoding gives them; From and To must be there. */
    private static ObjectNode withZeroDefaults(ObjectNode body) {
        ObjectNode m = body.deepCopy();
        for (String required : List.of("From", "To")) {
            if (!m.hasNonNull(required)) {
                throw ApiRequests.invalid("the message is malformed: Message." + required + " is required");
            }
        }
        for (String number : List.of("Version", "Nonce", "GasLimit", "Method")) {
            if (!m.hasNonNull(number)) {
                m.put(number, 0);
            }
        }
        for (String amount : List.of("Value", "GasFeeCap", "GasPremium")) {
            if (!m.hasNonNull(amount)) {
                m.put(amount, "0");
            }
        }
        return m;
    }
}
