package dev.granary.chain.rest;

import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainStatus;
import dev.granary.chain.clock.ManualClock;
import dev.granary.chain.rest.ChainRestJson.BlockTime;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.NotFoundException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /api/v1/chain: status, head, tipsets, blocks, the CAR export, and advancing a manual clock. */
public final class ChainRoutes implements RouteGroup {

    static final String TAG = "chain";
    static final String CAR_CONTENT_TYPE = "application/vnd.ipld.car";
    static final int RECENT_BLOCK_TIMES = 20;
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 200;
    /** One advance runs every epoch's block production on the request thread; more belongs in a script loop. */
    static final int MAX_ADVANCE = 10_000;

    private final ChainApi chain;
    private final Supplier<Optional<ManualClock>> manualClock;
    private final ChainRestJson json;
    private volatile RecentBlockTimes recentBlockTimes;

    private record RecentBlockTimes(TipSetKey head, List<BlockTime> times) {}

    /**
     * @param manualClock the chain's clock when it is manual (tests, demos); empty on the wall clock
     */
    public ChainRoutes(ChainApi chain, Supplier<Optional<ManualClock>> manualClock) {
        this.chain = chain;
        this.manualClock = manualClock;
        this.json = ChainRestJson.mainnet();
    }

    public record Advance(Long epochs) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
            ApiRoute.get("/v1/chain/status").permission(Permission.READ).tag(TAG)
                .summary("Network, policy, clock epoch, head, base fee, block delay, producing, pool size, recent block times")
                .response(200, "The chain at a glance (camelCase: Granary's own type)", ChainSchemas.status())
                .handler(ctx -> ctx.json(status())),
            ApiRoute.get("/v1/chain/head").permission(Permission.READ).tag(TAG)
                .summary("The head tipset (Lotus ChainHead)")
                .response(200, "Lotus TipSet JSON", ChainSchemas.tipSet())
                .handler(ctx -> ctx.json(json.chain().tipSet(chain.chainHead()))),
            ApiRoute.get("/v1/chain/tipsets").permission(Permission.READ).tag(TAG)
                .summary("Tipsets newest first: ?before=HEIGHT (exclusive; the previous page's nextCursor) &limit=N (1-"
                    + MAX_PAGE + ", default " + DEFAULT_PAGE + ")")
                .response(200, "A page of tipsets and the cursor of the next", JsonSchema.object()
                    .prop("items", JsonSchema.array(ChainSchemas.tipSet()))
                    .prop("nextCursor", JsonSchema.string().description("Pass as ?before= for older tipsets; null after genesis")))
                .handler(this::tipSets),
            ApiRoute.get("/v1/chain/tipsets/{height}").permission(Permission.READ).tag(TAG)
                .summary("The tipset at a height, or the last one before it when the height was a null round (Lotus ChainGetTipSetByHeight)")
                .response(200, "Lotus TipSet JSON", ChainSchemas.tipSet())
                .handler(this::tipSetAtHeight),
            ApiRoute.get("/v1/chain/blocks/{cid}").permission(Permission.READ).tag(TAG)
                .summary("A block header (Lotus ChainGetBlock)")
                .response(200, "Lotus BlockHeader JSON", ChainSchemas.lotus("BlockHeader"))
                .handler(ctx -> ctx.json(json.chain().blockHeader(chain.chainGetBlock(ChainParams.cid(ctx, "cid"))))),
            ApiRoute.get("/v1/chain/blocks/{cid}/messages").permission(Permission.READ).tag(TAG)
                .summary("A block's BLS and secp256k1 messages (Lotus ChainGetBlockMessages)")
                .response(200, "Lotus BlockMessages JSON: BlsMessages, SecpkMessages, Cids", ChainSchemas.lotus("BlockMessages"))
                .handler(ctx -> ctx.json(json.blockMessages(chain.chainGetBlockMessages(ChainParams.cid(ctx, "cid"))))),
            ApiRoute.get("/v1/chain/blocks/{cid}/parent-receipts").permission(Permission.READ).tag(TAG)
                .summary("Receipts of the messages executed to make the block's parent state, in order (Lotus ChainGetParentReceipts)")
                .response(200, "Lotus MessageReceipt JSON, one per message", JsonSchema.array(ChainSchemas.receipt()))
                .handler(ctx -> ctx.json(json.receipts(chain.chainGetParentReceipts(ChainParams.cid(ctx, "cid"))))),
            ApiRoute.get("/v1/chain/export").permission(Permission.READ).tag(TAG)
                .summary("A CARv1 snapshot: the head tipset's headers back to genesis and the head's state (Lotus ChainExport)")
                .response(200, "The CAR file, as an attachment named NETWORK-HEIGHT.car", CAR_CONTENT_TYPE,
                    JsonSchema.string().format("binary"))
                .handler(this::export),
            ApiRoute.post("/v1/chain/clock/advance").permission(Permission.ADMIN).tag(TAG)
                .summary("Move a manual chain clock forward N epochs (1-" + MAX_ADVANCE + "), producing each epoch's block;"
                    + " 409 on the wall clock")
                .requestBody(JsonSchema.object().prop("epochs", JsonSchema.integer()))
                .response(200, "The chain status after the advance", ChainSchemas.status())
                .handler(this::advance));
    }

    ObjectNode status() {
        ChainStatus status = chain.chainStatus();
        return json.status(status, recentBlockTimes(status.head()));
    }

    /**
     * The last {@value #RECENT_BLOCK_TIMES} tipsets up to {@code head}, newest first, with the time since each
     * one's parent. They depend on the head alone, so the list is kept until the head moves: status is polled
     * far more often than blocks arrive.
     */
    private List<BlockTime> recentBlockTimes(TipSet head) {
        RecentBlockTimes known = recentBlockTimes;
        if (known == null || !known.head().equals(head.key())) {
            known = new RecentBlockTimes(head.key(), blockTimes(walkBack(head, RECENT_BLOCK_TIMES + 1)));
            recentBlockTimes = known;
        }
        return known.times();
    }

    private static List<BlockTime> blockTimes(List<TipSet> recent) {
        List<BlockTime> times = new ArrayList<>();
        for (int i = 0; i < Math.min(RECENT_BLOCK_TIMES, recent.size()); i++) {
            TipSet ts = recent.get(i);
            TipSet parent = i + 1 < recent.size() ? recent.get(i + 1) : null; // null: ts is genesis
            times.add(new BlockTime(ts.height(), ts.minTimestamp(), ts.blocks().size(),
                parent == null ? null : ts.minTimestamp() - parent.minTimestamp(),
                parent == null ? 0 : ts.height() - parent.height() - 1));
        }
        return List.copyOf(times);
    }

    private void tipSets(Context ctx) {
        int limit = ChainParams.boundedInt(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        Optional<Long> before = ChainParams.optionalLong(ctx, "before");
        List<TipSet> page = before.isPresent() && before.get() == 0 ? List.of() : walkBack(newestBefore(before), limit);
        TipSet last = page.isEmpty() ? null : page.getLast();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("items", ChainRestJson.array(page, json.chain()::tipSet));
        out.put("nextCursor", last == null || last.isGenesis() ? null : Long.toString(last.height()));
        ctx.json(out);
    }

    /** The newest tipset below {@code before}, or the head without a cursor. */
    private TipSet newestBefore(Optional<Long> before) {
        TipSet head = chain.chainHead();
        return before.isEmpty() || before.get() > head.height() ? head
            : chain.chainGetTipSetByHeight(before.get() - 1, TipSetKey.EMPTY);
    }

    /** {@code from} and its ancestors, at most {@code limit} of them, stopping at genesis. */
    private List<TipSet> walkBack(TipSet from, int limit) {
        List<TipSet> tipsets = new ArrayList<>(List.of(from));
        while (tipsets.size() < limit && !tipsets.getLast().isGenesis()) {
            tipsets.add(chain.chainGetTipSet(tipsets.getLast().parents()));
        }
        return tipsets;
    }

    private void tipSetAtHeight(Context ctx) {
        long height = ChainParams.height(ctx, "height");
        TipSet head = chain.chainHead();
        if (height > head.height()) {
            throw new NotFoundException("no tipset at height " + height + " yet: the head is at " + head.height());
        }
        ctx.json(json.chain().tipSet(chain.chainGetTipSetByHeight(height, TipSetKey.EMPTY)));
    }

    private void export(Context ctx) {
        TipSet head = chain.chainHead();
        String file = chain.stateNetworkName().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + head.height() + ".car";
        ctx.contentType(CAR_CONTENT_TYPE);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        chain.chainExport(ctx.outputStream());
    }

    private void advance(Context ctx) {
        Advance body = ApiRequests.body(ctx, Advance.class);
        if (body.epochs() == null || body.epochs() < 1 || body.epochs() > MAX_ADVANCE) {
            throw ApiRequests.invalid("send {\"epochs\": N} with N from 1 to " + MAX_ADVANCE
                + (body.epochs() == null ? "" : ", got " + body.epochs()));
        }
        ManualClock clock = manualClock.get().orElseThrow(() -> ChainProblems.clockNotManual(
            "the chain runs on the wall clock, which cannot be advanced; set [chain] clock = \"manual\" in config.toml"
                + " and restart to drive epochs by hand"));
        clock.advance(body.epochs());
        ctx.json(status());
    }
}
