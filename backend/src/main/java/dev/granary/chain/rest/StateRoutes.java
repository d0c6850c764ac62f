package dev.granary.chain.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.rand.DomainSeparationTag;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.NotFoundException;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** /api/v1/chain/{actors,miners,market,randomness}: state at the head, as Lotus' state API reads it. */
public final class StateRoutes implements RouteGroup {

    private final ChainApi chain;
    private final ChainRestJson json;

    public StateRoutes(ChainApi chain) {
        this.chain = chain;
        this.json = ChainRestJson.mainnet();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
            ApiRoute.get("/v1/chain/actors/{address}").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("The actor at an address: its ID address, key address (accounts), kind, balance and Lotus Actor")
                .response(200, "The actor", JsonSchema.object()
                    .prop("address", JsonSchema.string()).prop("idAddress", JsonSchema.string())
                    .prop("keyAddress", JsonSchema.string().description("f1/f3 for accounts; null otherwise"), false)
                    .prop("kind", JsonSchema.string().description("account, miner, power, ...")).prop("balance",
                        ChainSchemas.attoFil("Balance"))
                    .prop("actor", ChainSchemas.lotus("Actor").prop("Code", ChainSchemas.cidLink())
                        .prop("Head", ChainSchemas.cidLink()).prop("Nonce", JsonSchema.integer())
                        .prop("Balance", ChainSchemas.attoFil("Balance"))))
                .handler(this::actor),
            ApiRoute.get("/v1/chain/miners/{address}").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("A miner's info (Lotus StateMinerInfo): owner, worker, pending worker change, control addresses, sector size")
                .response(200, "Lotus MinerInfo JSON", ChainSchemas.lotus("MinerInfo"))
                .handler(this::miner),
            ApiRoute.get("/v1/chain/market/{address}").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("An address' storage-market escrow and the part locked by deals (Lotus StateMarketBalance)")
                .response(200, "Lotus MarketBalance JSON", ChainSchemas.lotus("MarketBalance")
                    .prop("Escrow", ChainSchemas.attoFil("Escrow")).prop("Locked", ChainSchemas.attoFil("Locked")))
                .handler(ctx -> ctx.json(json.marketBalance(
                    chain.stateMarketBalance(ChainParams.address(ctx, "address"), TipSetKey.EMPTY)))),
            ApiRoute.get("/v1/chain/randomness/{source}").permission(Permission.READ).tag(ChainRoutes.TAG)
                .summary("Randomness from the beacon or the tickets (Lotus StateGetRandomnessFrom{Beacon,Tickets}):"
                    + " /beacon or /tickets, ?tag=SealRandomness&epoch=N&entropy=BASE64")
                .response(200, "32 bytes of randomness", JsonSchema.object()
                    .prop("randomness", JsonSchema.string().description("base64"))
                    .prop("source", JsonSchema.string().enumOf("beacon", "tickets"))
                    .prop("tag", JsonSchema.string()).prop("epoch", JsonSchema.integer()))
                .handler(this::randomness));
    }

    private void actor(Context ctx) {
        Address address = ChainParams.address(ctx, "address");
        ActorState actor = chain.stateGetActor(address, TipSetKey.EMPTY).orElseThrow(() -> new NotFoundException(
            "no actor at " + json.address(address) + " in the head's state; an address gets an actor when it first"
                + " receives FIL"));
        Optional<Address> id = chain.stateLookupId(address, TipSetKey.EMPTY);
        Optional<Address> key = actor.isAccount() ? chain.stateAccountKey(address, TipSetKey.EMPTY) : Optional.empty();
        ctx.json(json.actorSummary(address, actor, id, key));
    }

    private void miner(Context ctx) {
        Address address = ChainParams.address(ctx, "address");
        ctx.json(json.minerInfo(chain.stateMinerInfo(address, TipSetKey.EMPTY).orElseThrow(() -> new NotFoundException(
            "no miner actor at " + json.address(address) + " in the head's state"))));
    }

    private void randomness(Context ctx) {
        String source = ctx.pathParam("source");
        if (!source.equals("beacon") && !source.equals("tickets")) {
            throw ApiRequests.invalid("randomness comes from 'beacon' or 'tickets', not '" + ChainParams.clip(source) + "'");
        }
        DomainSeparationTag tag = ChainParams.tag(ctx, "tag");
        long epoch = ChainParams.epoch(ctx, "epoch");
        byte[] entropy = ChainParams.base64(ctx, "entropy");
        long head = chain.chainHead().height();
        if (epoch > head) {
            throw ApiRequests.invalid("epoch " + epoch + " is after the head (" + head + "); randomness exists only for"
                + " epochs the chain has reached");
        }
        byte[] value = source.equals("beacon")
            ? chain.stateGetRandomnessFromBeacon(tag, epoch, entropy, TipSetKey.EMPTY)
            : chain.stateGetRandomnessFromTickets(tag, epoch, entropy, TipSetKey.EMPTY);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("randomness", Base64.getEncoder().encodeToString(value));
        out.put("source", source);
        out.put("tag", ChainParams.goName(tag.name()));
        out.put("epoch", epoch);
        ctx.json(out);
    }
}
