package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.ConflictException;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageService;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.SendRequest;
import dev.granary.wallet.WalletService;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * A miner's control wallets: reading owner/worker/control addresses, changing them on chain with signed
 * messages (ChangeWorkerAddress, ConfirmChangeWorkerAddress, ChangeOwnerAddress), and choosing the
 * sender for each message type with Lotus' AddressSelector rules.
 *
 * <p>Permissions: reads and explanations need READ; anything that sends, and changing the selection
 * configuration, needs SIGN. A principal limited to some miners may act only on those.
 *
 * <p>CONTRACT: the REST layer, the dashboard and (later) sealing/proving code against these signatures.
 */
public final class ControlService {

    /** messages.max-fee's default: what {@link #explain} wants an address to hold when no config is given. */
    static final TokenAmount DEFAULT_MAX_FEE = TokenAmount.parse("0.07 FIL");
    private static final int MAX_CONFIGURED_PER_USE = 20;

    private final SelectionStore selections;
    private final ControlChain chain;
    private final WalletService wallets;
    private final MessageService messages;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenAmount maxFee;
    private final AddressSelector selector;
    private final OverviewBuilder overviews;
    private final ControlChanges changes;
    private final MinerCreator creator;

    ControlService(Jdbi jdbi, ChainApi chain, WalletService wallets, MessageService messages, AuditLog audit, Clock clock,
                   TokenAmount maxFee) {
        this.selections = new SelectionStore(jdbi);
        this.chain = new ControlChain(chain);
        this.wallets = wallets;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.maxFee = maxFee;
        this.selector = new AddressSelector(this.chain, wallets::has);
        this.overviews = new OverviewBuilder(this.chain, wallets::has);
        this.changes = new ControlChanges(this.chain);
        this.creator = new MinerCreator(this.chain, wallets, messages, audit);
    }

    public static ControlService create(Jdbi jdbi, ChainApi chain, WalletService wallets, MessageService messages,
                                        AuditLog audit, Clock clock) {
        return create(jdbi, chain, wallets, messages, audit, clock, DEFAULT_MAX_FEE);
    }

    /** @param maxFee messages.max-fee: the funds {@link #explain} wants a sender to hold (see {@link ExplainFunds}) */
    public static ControlService create(Jdbi jdbi, ChainApi chain, WalletService wallets, MessageService messages,
                                        AuditLog audit, Clock clock, TokenAmount maxFee) {
        return new ControlService(jdbi, chain, wallets, messages, audit, clock, maxFee);
    }

    /** READ. NotFoundException when there is no miner actor at {@code miner}. */
    public ControlOverview overview(Actor actor, Address miner) {
        ControlChain.Miner m = readable(actor, miner, "reading the control addresses of " + miner);
        return overviews.build(m, selections.load(m.id()));
    }

    /**
     * READ. The miners on chain this node can act for (a key of their owner, worker or a control address
     * is in the wallet), limited to the caller's miners; by ID.
     */
    public List<ControlledMiner> controlledMiners(Actor actor) {
        actor.require(Permission.READ, "listing the miners this node controls");
        List<ControlledMiner> out = new ArrayList<>();
        for (Address id : chain.api().stateListMiners(TipSetKey.EMPTY)) {
            if (!MinerScope.allows(actor.principal(), id)) {
                continue;
            }
            Optional<MinerInfo> info = chain.api().stateMinerInfo(id, TipSetKey.EMPTY);
            if (info.isEmpty()) {
                continue;
            }
            List<String> here = rolesHere(info.get());
            if (!here.isEmpty()) {
                MinerInfo i = info.get();
                out.add(new ControlledMiner(id, i.owner(), i.worker(), i.controlAddresses(), here));
            }
        }
        return out;
    }

    private List<String> rolesHere(MinerInfo info) {
        List<String> roles = new ArrayList<>();
        if (hasKey(info.owner())) {
            roles.add("owner");
        }
        if (hasKey(info.worker())) {
            roles.add("worker");
        }
        for (int i = 0; i < info.controlAddresses().size(); i++) {
            if (hasKey(info.controlAddresses().get(i))) {
                roles.add("control-" + i);
            }
        }
        return roles;
    }

    private boolean hasKey(Address id) {
        return chain.keyOf(id).map(wallets::has).orElse(false);
    }

    /** SIGN. ChangeWorkerAddress from the owner with the worker unchanged and these control addresses. */
    public OutgoingMessage setControlAddresses(Actor actor, Address miner, List<Address> controls) {
        String action = "setting the control addresses of " + miner;
        ControlChain.Miner m = signable(actor, miner, action);
        return send(actor, m, changes.controlAddresses(m, controls, action), action);
    }

    /** SIGN. ChangeWorkerAddress from the owner proposing {@code newWorker}, keeping the control addresses. */
    public OutgoingMessage proposeWorkerChange(Actor actor, Address miner, Address newWorker) {
        String action = "proposing " + newWorker + " as the worker of " + miner;
        ControlChain.Miner m = signable(actor, miner, action);
        return send(actor, m, changes.proposeWorker(m, newWorker, action), action);
    }

    /** SIGN. ConfirmChangeWorkerAddress from the owner, once the pending change's epoch has come. */
    public OutgoingMessage confirmWorkerChange(Actor actor, Address miner) {
        return confirmWorkerChange(actor, miner, Optional.empty());
    }

    /** SIGN. As {@link #confirmWorkerChange(Actor, Address)}, refused unless the pending worker is {@code expected}. */
    public OutgoingMessage confirmWorkerChange(Actor actor, Address miner, Optional<Address> expected) {
        String action = "confirming the worker change of " + miner;
        ControlChain.Miner m = signable(actor, miner, action);
        return send(actor, m, changes.confirmWorker(m, expected, action), action);
    }

    /** SIGN. ChangeOwnerAddress from the current owner, proposing {@code newOwner}. */
    public OutgoingMessage proposeOwnerChange(Actor actor, Address miner, Address newOwner) {
        String action = "proposing " + newOwner + " as the owner of " + miner;
        ControlChain.Miner m = signable(actor, miner, action);
        return send(actor, m, changes.proposeOwner(m, newOwner, action), action);
    }

    /** SIGN. ChangeOwnerAddress from the proposed owner with its own address, completing the change. */
    public OutgoingMessage confirmOwnerChange(Actor actor, Address miner, Address newOwner) {
        String action = "confirming " + newOwner + " as the owner of " + miner;
        ControlChain.Miner m = signable(actor, miner, action);
        return send(actor, m, changes.confirmOwner(m, newOwner, action), action);
    }

    /**
     * SIGN, audited. CreateMiner (power actor) from a key of this wallet, like `lotus-miner init --owner
     * --worker --sector-size`: the sender (default the owner) must be in the wallet, the owner must have an
     * actor, the worker must be an account with a BLS key. Only a principal for all miners may create one.
     * Returns at once; {@link #await} and {@link NewMiner#of} follow it to the new miner's addresses.
     */
    public NewMiner createMiner(Actor actor, NewMinerRequest request) {
        return creator.create(actor, request);
    }

    /** READ. */
    public SelectionConfig selectionConfig(Actor actor, Address miner) {
        ControlChain.Miner m = readable(actor, miner, "reading the address selection of " + miner);
        return selections.load(m.id());
    }

    /** SIGN, audited. */
    public void setSelectionConfig(Actor actor, Address miner, SelectionConfig config) {
        String action = "configuring the address selection of " + miner;
        ControlChain.Miner m = signable(actor, miner, action);
        for (AddressUse use : AddressUse.values()) {
            checkConfigured(AddressSelector.configured(config, use), use, action);
        }
        selections.save(m.id(), config, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            actor.principal().actorName());
        audit.record(actor, "control.set-selection", m.id().toString(), Outcome.SUCCESS, describe(config));
    }

    private static void checkConfigured(List<Address> addresses, AddressUse use, String action) {
        if (addresses.size() > MAX_CONFIGURED_PER_USE) {
            throw new IllegalArgumentException(action + ": " + addresses.size() + " " + use.label()
                + " addresses exceed the maximum of " + MAX_CONFIGURED_PER_USE);
        }
        Set<Address> seen = new HashSet<>();
        for (Address a : addresses) {
            if (!seen.add(a)) {
                throw new IllegalArgumentException(action + ": " + a + " is listed twice for " + use.label());
            }
        }
    }

    private static String describe(SelectionConfig c) {
        return "PreCommit " + c.preCommitControl() + ", Commit " + c.commitControl() + ", Terminate "
            + c.terminateControl() + ", DealPublish " + c.dealPublishControl() + ", DisableOwnerFallback "
            + c.disableOwnerFallback() + ", DisableWorkerFallback " + c.disableWorkerFallback();
    }

    /** READ. For each message type, which address sends next and why (goodFunds/minFunds as Lotus' callers pass them). */
    public List<AddressChoice> explain(Actor actor, Address miner) {
        ControlChain.Miner m = readable(actor, miner, "explaining the address selection of " + miner);
        SelectionConfig config = selections.load(m.id());
        TokenAmount baseFee = chain.api().chainStatus().baseFee();
        List<AddressChoice> out = new ArrayList<>();
        for (AddressUse use : AddressUse.values()) {
            ExplainFunds funds = ExplainFunds.forUse(use, maxFee, baseFee);
            out.add(selector.choose(m, config, use, funds.good(), funds.min()));
        }
        return out;
    }

    /** Lotus AddressSelector.AddressFor, for the node's own sealing/proving code (no actor: the node itself). */
    public AddressChoice select(Address miner, AddressUse use, TokenAmount goodFunds, TokenAmount minFunds) {
        ControlChain.Miner m = chain.miner(miner);
        return selector.choose(m, selections.load(m.id()), use, goodFunds, minFunds);
    }

    /** READ. Waits for a message this service sent (MessageService.await): CONFIRMED, FAILED or REJECTED. */
    public OutgoingMessage await(Actor actor, long messageId, Duration timeout) throws InterruptedException, TimeoutException {
        return messages.await(actor, messageId, timeout);
    }

    /** READ. A message as it is now. */
    public OutgoingMessage message(Actor actor, long messageId) {
        return messages.get(actor, messageId);
    }

    private ControlChain.Miner readable(Actor actor, Address miner, String action) {
        actor.require(Permission.READ, action);
        ControlChain.Miner m = chain.miner(miner);
        MinerScope.require(actor, Permission.READ, m.id(), action);
        return m;
    }

    private ControlChain.Miner signable(Actor actor, Address miner, String action) {
        actor.require(Permission.SIGN, action);
        ControlChain.Miner m = chain.miner(miner);
        MinerScope.require(actor, Permission.SIGN, m.id(), action);
        return m;
    }

    /** Checks the signer's key is here, sends through the message service and audits the outcome. */
    private OutgoingMessage send(Actor actor, ControlChain.Miner miner, ControlChanges.Change change, String action) {
        Address key = chain.keyOf(change.signer()).orElseThrow(() -> new ConflictException(action + ": the "
            + change.signerRole() + " " + change.signer() + " is not an account, so this node cannot sign for it"));
        if (!wallets.has(key)) {
            throw new ConflictException(action + ": the " + change.signerRole() + " " + change.signer() + " (" + key
                + ") is not in this node's wallet; import its key first");
        }
        OutgoingMessage sent = messages.send(actor, new SendRequest(key, miner.id(), TokenAmount.ZERO, change.method(),
            change.params(), change.purpose(), Optional.empty(), Optional.empty()));
        boolean rejected = sent.state() == MessageState.REJECTED;
        audit.record(actor, "control." + change.purpose(), miner.id().toString(), rejected ? Outcome.FAILED : Outcome.SUCCESS,
            change.detail() + "; message " + sent.id() + " " + sent.cid() + (rejected ? " refused: " + sent.error() : ""));
        return sent;
    }
}
