package dev.granary.chain.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.mpool.MessageRejectedException;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * /api/v1/mpool: pending messages, the next nonce, and pushing a message someone already signed. The
 * node signs nothing here, so pushing needs only the write permission.
 */
public final class MpoolRoutes implements RouteGroup {

    static final String TAG = "mpool";

    private final ChainApi chain;
    private final ChainRestJson json;

    public MpoolRoutes(ChainApi chain) {
        this.chain = chain;
        this.json = ChainRestJson.mainnet();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
            ApiRoute.get("/v1/mpool/pending").permission(Permission.READ).tag(TAG)
                .summary("Every message waiting for inclusion, by sender then nonce (Lotus MpoolPending)")
                .response(200, "Lotus SignedMessage JSON, each with its CID", JsonSchema.array(ChainSchemas.signedMessage()))
                .handler(ctx -> ctx.json(ChainRestJson.array(chain.mpoolPending(), json.lotus()::signedMessage))),
            ApiRoute.get("/v1/mpool/nonce/{address}").permission(Permission.READ).tag(TAG)
                .summary("The nonce the sender's next message needs, counting its pending messages (Lotus MpoolGetNonce)")
                .response(200, "The address and its next nonce", JsonSchema.object()
                    .prop("address", JsonSchema.string()).prop("nonce", JsonSchema.integer()))
                .handler(this::nonce),
            ApiRoute.post("/v1/mpool/messages").permission(Permission.WRITE).tag(TAG)
                .summary("Push a signed message (Lotus MpoolPush): Lotus JSON, or dag-cbor bytes as application/cbor."
                    + " A rejection's type names the check: urn:granary:problem:mpool-nonce-too-low, ...")
                .requestBody(ChainSchemas.signedMessage())
                .response(201, "Accepted (or already pending): the message's CID; Location is GET /api/v1/chain/messages/{cid}",
                    JsonSchema.object().prop("CID", ChainSchemas.cidLink()))
                .handler(this::push));
    }

    private void nonce(Context ctx) {
        Address address = ChainParams.address(ctx, "address");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", json.address(address));
        out.put("nonce", new BigInteger(Long.toUnsignedString(chain.mpoolGetNonce(address)))); // a Go uint64
        ctx.json(out);
    }

    private void push(Context ctx) {
        SignedMessage message = MessageBodies.signedMessage(ctx);
        Cid cid;
        try {
            cid = chain.mpoolPush(message);
        } catch (MessageRejectedException e) {
            throw ChainProblems.rejected(e.reason(), e.getMessage());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("CID", json.lotus().cid(cid));
        ctx.header("Location", "/api/v1/chain/messages/" + cid);
        ctx.status(201).json(out);
    }
}
