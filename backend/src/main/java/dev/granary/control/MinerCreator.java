package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.auth.AccessDeniedException;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.miner.RegisteredPoStProof;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.errors.ConflictException;
import dev.granary.messages.MessageService;
import dev.granary.messages.MessageState;
import dev.granary.messages.SendRequest;
import dev.granary.units.ByteSize;
import dev.granary.wallet.WalletService;

/**
 * CreateMiner (power actor f04) signed by a key of this node's wallet, as `lotus-miner init` sends it.
 * Everything the miner actor's constructor would refuse is checked before anything is signed, so a
 * mistake costs no gas and says what to do instead of an exit code.
 */
final class MinerCreator {

    static final String PURPOSE = "create-miner";

    private final ControlChain chain;
    private final WalletService wallets;
    private final MessageService messages;
    private final AuditLog audit;

    MinerCreator(ControlChain chain, WalletService wallets, MessageService messages, AuditLog audit) {
        this.chain = chain;
        this.wallets = wallets;
        this.messages = messages;
        this.audit = audit;
    }

    NewMiner create(Actor actor, NewMinerRequest request) {
        String action = "creating a miner owned by " + request.owner();
        actor.require(Permission.SIGN, action);
        if (!actor.principal().miners().isEmpty()) {
            // A new miner would be outside the caller's own miners: it could not see or use what it made.
            throw new AccessDeniedException(Permission.SIGN, action + ": " + actor.principal().describe()
                + " may act only on miners " + String.join(", ", actor.principal().miners())
                + "; a user for all miners must create new ones");
        }
        RegisteredPoStProof proof = RegisteredPoStProof.forNewMiner(request.sectorSize());
        if (request.deposit().isNegative()) {
            throw new IllegalArgumentException(action + ": the deposit cannot be negative");
        }
        Address sender = signer(request.from().orElse(request.owner()), action);
        checkOwner(request.owner(), action);
        checkWorker(request.worker(), action);
        byte[] params = CreateMinerParams.CODEC.encode(CreateMinerParams.forNewMiner(request.owner(), request.worker(),
            proof));
        MessageService.Sent sent = messages.submit(actor, new SendRequest(sender, SingletonActors.POWER,
            request.deposit(), PowerMethods.CREATE_MINER, params, PURPOSE, request.maxFee(), request.idempotencyKey()));
        if (sent.created()) {
            boolean rejected = sent.message().state() == MessageState.REJECTED;
            audit.record(actor, "control." + PURPOSE, request.owner().toString(), rejected ? Outcome.FAILED : Outcome.SUCCESS,
                "owner " + request.owner() + ", worker " + request.worker() + ", sector size "
                    + ByteSize.format(proof.sectorSize()) + ", deposit " + request.deposit() + ", signed by " + sender
                    + "; message " + sent.message().id() + " " + sent.message().cid()
                    + (rejected ? " refused: " + sent.message().error() : ""));
        }
        return NewMiner.of(sent.message(), sent.created());
    }

    /** The key that signs: an f1/f3 address, or an account's f0, whose key must be in this wallet. */
    private Address signer(Address from, String action) {
        Address key = isKey(from) ? from : chain.keyOf(from).orElseThrow(() -> new IllegalArgumentException(action
            + ": " + from + " is not an account, so this node cannot sign for it; use a key address of its wallet"));
        if (!wallets.has(key)) {
            throw new ConflictException(action + ": the sender " + from + (key.equals(from) ? "" : " (" + key + ")")
                + " is not in this node's wallet; import its key first, or create the miner with the key file"
                + " (granary chain create-miner --key-file)");
        }
        return key;
    }

    /** The miner actor resolves the owner to an existing actor. */
    private void checkOwner(Address owner, String action) {
        if (chain.idOf(owner).isEmpty()) {
            throw new IllegalArgumentException(action + ": owner " + owner + " has no actor on chain yet; send it some"
                + " FIL first");
        }
    }

    /** builtin-actors' resolve_worker_address: an existing account whose key is BLS. */
    private void checkWorker(Address worker, String action) {
        chain.account(worker, "worker", action);
        Address key = chain.keyOf(worker).orElseThrow();
        if (key.protocol() != Protocol.BLS) {
            throw new IllegalArgumentException(action + ": worker " + worker + " has a " + key.protocol() + " key ("
                + key + "); the worker must be a BLS (f3) key: create one in the wallet and send it some FIL");
        }
    }

    private static boolean isKey(Address a) {
        return a.protocol() == Protocol.SECP256K1 || a.protocol() == Protocol.BLS;
    }
}
