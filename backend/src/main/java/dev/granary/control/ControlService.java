package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.audit.AuditLog;
import dev.granary.auth.Actor;
import dev.granary.chain.ChainApi;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageService;
import dev.granary.messages.OutgoingMessage;
import dev.granary.wallet.WalletService;
import java.time.Clock;
import java.util.List;
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

    ControlService() {
    }

    public static ControlService create(Jdbi jdbi, ChainApi chain, WalletService wallets, MessageService messages,
                                        AuditLog audit, Clock clock) {
        return new ControlService();
    }

    /** READ. NotFoundException when there is no miner actor at {@code miner}. */
    public ControlOverview overview(Actor actor, Address miner) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** SIGN. ChangeWorkerAddress from the owner with the worker unchanged and these control addresses. */
    public OutgoingMessage setControlAddresses(Actor actor, Address miner, List<Address> controls) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** SIGN. ChangeWorkerAddress from the owner proposing {@code newWorker}, keeping the control addresses. */
    public OutgoingMessage proposeWorkerChange(Actor actor, Address miner, Address newWorker) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** SIGN. ConfirmChangeWorkerAddress from the owner, once the pending change's epoch has come. */
    public OutgoingMessage confirmWorkerChange(Actor actor, Address miner) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** SIGN. ChangeOwnerAddress from the current owner, proposing {@code newOwner}. */
    public OutgoingMessage proposeOwnerChange(Actor actor, Address miner, Address newOwner) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** SIGN. ChangeOwnerAddress from the proposed owner with its own address, completing the change. */
    public OutgoingMessage confirmOwnerChange(Actor actor, Address miner, Address newOwner) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** READ. */
    public SelectionConfig selectionConfig(Actor actor, Address miner) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** SIGN, audited. */
    public void setSelectionConfig(Actor actor, Address miner, SelectionConfig config) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** READ. For each message type, which address sends next and why (goodFunds/minFunds as Lotus' callers pass them). */
    public List<AddressChoice> explain(Actor actor, Address miner) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }

    /** Lotus AddressSelector.AddressFor, for the node's own sealing/proving code (no actor: the node itself). */
    public AddressChoice select(Address miner, AddressUse use, TokenAmount goodFunds, TokenAmount minFunds) {
        throw new UnsupportedOperationException("control wallets: not built yet");
    }
}
