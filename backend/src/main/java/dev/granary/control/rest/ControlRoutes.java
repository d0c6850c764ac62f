package dev.granary.control.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.control.AddressChoice;
import dev.granary.control.ControlService;
import dev.granary.control.NewMiner;
import dev.granary.control.NewMinerRequest;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.rest.MessageJson;
import dev.granary.control.SelectionConfig;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.wallet.watermark.Watermarks;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/** /api/v1/miners, /api/v1/miners/{id}/control and /api/v1/watermarks. */
public final class ControlRoutes implements RouteGroup {

    static final String TAG = "control";
    private static final String BASE = "/v1/miners/{id}/control";
    /** As POST /api/v1/messages takes it. */
    private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String SENT = "Sent: 202 with the message on its way; with wait, 200 once it is confirmed or"
        + " failed (state and exitCode say which), or 202 when the wait timed out. Refused by the message pool: 409";

    private final ControlService control;
    private final Watermarks watermarks;

    public ControlRoutes(ControlService control, Watermarks watermarks) {
        this.control = control;
        this.watermarks = watermarks;
    }

    @Override
    public List<ApiRoute> routes() {
        List<ApiRoute> routes = new ArrayList<>(List.of(
            ApiRoute.get("/v1/miners").permission(Permission.READ).tag(TAG)
                .summary("The miners on chain this node can act for: a key of the owner, worker or a control address is"
                    + " in its wallet (limited to the caller's miners)")
                .response(200, "The miners", JsonSchema.array(JsonSchema.object()
                    .prop("miner", JsonSchema.string()).prop("owner", JsonSchema.string())
                    .prop("worker", JsonSchema.string()).prop("controlAddresses", JsonSchema.array(JsonSchema.string()))
                    .prop("rolesHere", JsonSchema.array(JsonSchema.string())
                        .description("Which of its addresses this wallet holds: owner, worker, control-N"))))
                .handler(ctx -> ctx.json(control.controlledMiners(RestAccess.actor(ctx)).stream()
                    .map(ControlJson::miner).toList())),
            ApiRoute.post("/v1/miners").permission(Permission.SIGN).tag(TAG)
                .summary("Create a miner (power actor CreateMiner, like lotus-miner init) signed by a key of this"
                    + " node's wallet: {owner, worker? (an f3 account; default: the owner), sectorSize (2KiB, 8MiB,"
                    + " 512MiB, 32GiB, 64GiB), from? (the wallet key that signs and pays; default: the owner),"
                    + " deposit? (\"0 FIL\"), maxFee?, idempotencyKey? (or the Idempotency-Key header), wait?, timeout?}."
                    + " Only a user for all miners may create one")
                .requestBody(JsonSchema.object().prop("owner", JsonSchema.string())
                    .prop("worker", JsonSchema.string(), false).prop("sectorSize", JsonSchema.string())
                    .prop("from", JsonSchema.string(), false).prop("deposit", JsonSchema.string(), false)
                    .prop("maxFee", JsonSchema.string(), false).prop("idempotencyKey", JsonSchema.string(), false)
                    .prop("wait", JsonSchema.bool(), false).prop("timeout", JsonSchema.string(), false))
                .response(201, "The miner exists: the message executed (waited for) and created it; Location is its"
                    + " control overview", ControlJson.newMinerSchema())
                .response(202, "Sent: the message is on its way (no wait, or the wait timed out); miner is null until it"
                    + " has executed (GET /api/v1/messages/{id}, then GET /api/v1/miners)", ControlJson.newMinerSchema())
                .response(200, "The message is final but created no miner (state failed, see exitCode); or a retry with"
                    + " the same idempotency key", ControlJson.newMinerSchema())
                .handler(this::createMiner),
            ApiRoute.get(BASE).permission(Permission.READ).tag(TAG)
                .summary("A miner's owner, worker, beneficiary and control addresses with key, balance, roles and whether"
                    + " this wallet holds the key; the pending worker and owner changes (lotus-miner actor control list)")
                .response(200, "The control addresses", ControlJson.overviewSchema())
                .handler(ctx -> ctx.json(ControlJson.overview(control.overview(RestAccess.actor(ctx), miner(ctx))))),
            ApiRoute.put(BASE + "/addresses").permission(Permission.SIGN).tag(TAG)
                .summary("Set the control addresses: ChangeWorkerAddress from the owner, worker unchanged"
                    + " {addresses: [...], wait?: bool, timeout?: \"60s\" (at most 5m)}")
                .requestBody(JsonSchema.object()
                    .prop("addresses", ControlJson.addressList("The new control addresses (accounts), [] to clear"))
                    .prop("wait", JsonSchema.bool(), false).prop("timeout", JsonSchema.string(), false))
                .response(202, SENT, MessageJson.messageSchema())
                .response(200, "Waited: the message in its final state", MessageJson.messageSchema())
                .handler(this::setAddresses),
            ApiRoute.post(BASE + "/worker").permission(Permission.SIGN).tag(TAG)
                .summary("Propose a new worker (an account with a BLS key): ChangeWorkerAddress from the owner; it can be"
                    + " confirmed once the chain reaches the change's epoch {newWorker, wait?, timeout?}")
                .requestBody(JsonSchema.object().prop("newWorker", JsonSchema.string())
                    .prop("wait", JsonSchema.bool(), false).prop("timeout", JsonSchema.string(), false))
                .response(202, SENT, MessageJson.messageSchema())
                .response(200, "Waited: the message in its final state", MessageJson.messageSchema())
                .handler(this::proposeWorker),
            ApiRoute.post(BASE + "/worker/confirm").permission(Permission.SIGN).tag(TAG)
                .summary("Confirm the pending worker change (ConfirmChangeWorkerAddress from the owner), refused before"
                    + " its epoch {newWorker?: must match the pending one, wait?, timeout?}")
                .requestBody(JsonSchema.object().prop("newWorker", JsonSchema.string(), false)
                    .prop("wait", JsonSchema.bool(), false).prop("timeout", JsonSchema.string(), false))
                .response(202, SENT, MessageJson.messageSchema())
                .response(200, "Waited: the message in its final state", MessageJson.messageSchema())
                .handler(this::confirmWorker),
            ApiRoute.post(BASE + "/owner").permission(Permission.SIGN).tag(TAG)
                .summary("Propose a new owner: ChangeOwnerAddress from the current owner {newOwner, wait?, timeout?};"
                    + " the new owner then confirms")
                .requestBody(JsonSchema.object().prop("newOwner", JsonSchema.string())
                    .prop("wait", JsonSchema.bool(), false).prop("timeout", JsonSchema.string(), false))
                .response(202, SENT, MessageJson.messageSchema())
                .response(200, "Waited: the message in its final state", MessageJson.messageSchema())
                .handler(this::proposeOwner),
            ApiRoute.post(BASE + "/owner/confirm").permission(Permission.SIGN).tag(TAG)
                .summary("Confirm the owner change: ChangeOwnerAddress from the proposed owner {newOwner, wait?, timeout?}")
                .requestBody(JsonSchema.object().prop("newOwner", JsonSchema.string())
                    .prop("wait", JsonSchema.bool(), false).prop("timeout", JsonSchema.string(), false))
                .response(202, SENT, MessageJson.messageSchema())
                .response(200, "Waited: the message in its final state", MessageJson.messageSchema())
                .handler(this::confirmOwner),
            ApiRoute.get(BASE + "/selection").permission(Permission.READ).tag(TAG)
                .summary("The sender selection of the miner (Lotus [Addresses]) and, for every message type, the address"
                    + " that sends next and the verdict on every candidate")
                .response(200, "Configuration and explanation", JsonSchema.object()
                    .prop("config", ControlJson.selectionSchema())
                    .prop("explanation", JsonSchema.array(ControlJson.choiceSchema())))
                .handler(this::selection),
            ApiRoute.put(BASE + "/selection").permission(Permission.SIGN).tag(TAG)
                .summary("Configure the sender selection: {preCommitControl, commitControl, terminateControl,"
                    + " dealPublishControl: [addresses], disableOwnerFallback, disableWorkerFallback}; absent = empty/false")
                .requestBody(ControlJson.selectionSchema())
                .response(200, "Configuration and explanation", JsonSchema.object()
                    .prop("config", ControlJson.selectionSchema())
                    .prop("explanation", JsonSchema.array(ControlJson.choiceSchema())))
                .handler(this::configureSelection)));
        routes.addAll(new WatermarkRoutes(watermarks).routes());
        return routes;
    }

    private static Address miner(Context ctx) {
        return ControlParams.pathAddress(ctx, "id");
    }

    private void setAddresses(Context ctx) throws InterruptedException {
        Address miner = miner(ctx);
        JsonNode body = ControlParams.object(ctx, false, "addresses", "wait", "timeout");
        List<Address> addresses = ControlParams.addresses(body, "addresses", true);
        Actor actor = RestAccess.actor(ctx);
        respond(ctx, actor, control.setControlAddresses(actor, miner, addresses), ControlParams.waitFor(body));
    }

    private void proposeWorker(Context ctx) throws InterruptedException {
        Address miner = miner(ctx);
        JsonNode body = ControlParams.object(ctx, false, "newWorker", "wait", "timeout");
        Address newWorker = ControlParams.requiredAddress(body, "newWorker");
        Actor actor = RestAccess.actor(ctx);
        respond(ctx, actor, control.proposeWorkerChange(actor, miner, newWorker), ControlParams.waitFor(body));
    }

    private void confirmWorker(Context ctx) throws InterruptedException {
        Address miner = miner(ctx);
        JsonNode body = ControlParams.object(ctx, true, "newWorker", "wait", "timeout");
        Optional<Address> expected = ControlParams.optionalAddress(body, "newWorker");
        Actor actor = RestAccess.actor(ctx);
        respond(ctx, actor, control.confirmWorkerChange(actor, miner, expected), ControlParams.waitFor(body));
    }

    private void proposeOwner(Context ctx) throws InterruptedException {
        Address miner = miner(ctx);
        JsonNode body = ControlParams.object(ctx, false, "newOwner", "wait", "timeout");
        Address newOwner = ControlParams.requiredAddress(body, "newOwner");
        Actor actor = RestAccess.actor(ctx);
        respond(ctx, actor, control.proposeOwnerChange(actor, miner, newOwner), ControlParams.waitFor(body));
    }

    private void confirmOwner(Context ctx) throws InterruptedException {
        Address miner = miner(ctx);
        JsonNode body = ControlParams.object(ctx, false, "newOwner", "wait", "timeout");
        Address newOwner = ControlParams.requiredAddress(body, "newOwner");
        Actor actor = RestAccess.actor(ctx);
        respond(ctx, actor, control.confirmOwnerChange(actor, miner, newOwner), ControlParams.waitFor(body));
    }

    private void createMiner(Context ctx) throws InterruptedException {
        JsonNode body = ControlParams.object(ctx, false, "owner", "worker", "from", "sectorSize", "deposit", "maxFee",
            "idempotencyKey", "wait", "timeout");
        Address owner = ControlParams.requiredAddress(body, "owner");
        NewMinerRequest request = new NewMinerRequest(owner, ControlParams.optionalAddress(body, "worker").orElse(owner),
            ControlParams.optionalAddress(body, "from"), ControlParams.requiredText(body, "sectorSize",
                "a sector size such as \"2KiB\" or \"32GiB\""),
            ControlParams.optionalAmount(body, "deposit").orElse(TokenAmount.ZERO),
            ControlParams.optionalAmount(body, "maxFee"),
            Optional.ofNullable(ctx.header(IDEMPOTENCY_HEADER)).filter(s -> !s.isBlank())
                .or(() -> ControlParams.optionalText(body, "idempotencyKey")));
        Optional<Duration> wait = ControlParams.waitFor(body);
        Actor actor = RestAccess.actor(ctx);
        NewMiner sent = control.createMiner(actor, request);
        if (sent.message().state() == MessageState.REJECTED) {
            throw MessageJson.refused(sent.message());
        }
        NewMiner now = sent;
        if (wait.isPresent() && !sent.message().state().done()) {
            try {
                now = NewMiner.of(control.await(actor, sent.message().id(), wait.get()), sent.created());
            } catch (TimeoutException e) {
                now = NewMiner.of(control.message(actor, sent.message().id()), sent.created());
            }
        }
        if (now.miner().isPresent() && now.created()) {
            ctx.header("Location", "/api/v1/miners/" + now.miner().get().idAddress() + "/control");
            ctx.status(201);
        } else {
            ctx.header("Location", "/api/v1/messages/" + now.message().id());
            ctx.status(now.message().state().done() || !now.created() ? 200 : 202);
        }
        ctx.json(ControlJson.newMiner(now));
    }

    /** 409 when the pool refused it; otherwise 202 on its way, or 200 once waited to the end. */
    private void respond(Context ctx, Actor actor, OutgoingMessage sent, Optional<Duration> wait) throws InterruptedException {
        if (sent.state() == MessageState.REJECTED) {
            throw MessageJson.refused(sent);
        }
        ctx.header("Location", "/api/v1/messages/" + sent.id());
        OutgoingMessage now = sent;
        if (wait.isPresent()) {
            try {
                now = control.await(actor, sent.id(), wait.get());
            } catch (TimeoutException e) {
                now = control.message(actor, sent.id());
            }
        }
        ctx.status(now.state().done() ? 200 : 202).json(MessageJson.message(now));
    }

    private void selection(Context ctx) {
        Address miner = miner(ctx);
        ctx.json(selectionAnswer(RestAccess.actor(ctx), miner));
    }

    private void configureSelection(Context ctx) {
        Address miner = miner(ctx);
        JsonNode body = ControlParams.object(ctx, false, "preCommitControl", "commitControl", "terminateControl",
            "dealPublishControl", "disableOwnerFallback", "disableWorkerFallback");
        SelectionConfig config = new SelectionConfig(
            ControlParams.addresses(body, "preCommitControl", false), ControlParams.addresses(body, "commitControl", false),
            ControlParams.addresses(body, "terminateControl", false),
            ControlParams.addresses(body, "dealPublishControl", false),
            ControlParams.bool(body, "disableOwnerFallback"), ControlParams.bool(body, "disableWorkerFallback"));
        Actor actor = RestAccess.actor(ctx);
        control.setSelectionConfig(actor, miner, config);
        ctx.json(selectionAnswer(actor, miner));
    }

    private Map<String, Object> selectionAnswer(Actor actor, Address miner) {
        SelectionConfig config = control.selectionConfig(actor, miner);
        List<AddressChoice> choices = control.explain(actor, miner);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config", ControlJson.selection(config));
        out.put("explanation", choices.stream().map(ControlJson::choice).toList());
        return out;
    }
}
