package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import java.util.Optional;

/** The head-state reads control wallets need, with errors that say which address and what to do. */
final class ControlChain {

    /** A miner as the head's state has it: its ID address and info. */
    record Miner(Address id, MinerInfo info) {}

    private final ChainApi chain;

    ControlChain(ChainApi chain) {
        this.chain = chain;
    }

    ChainApi api() {
        return chain;
    }

    /** The miner at {@code address} (ID or robust); NotFoundException when there is none. */
    Miner miner(Address address) {
        Address id = chain.stateLookupId(address, TipSetKey.EMPTY).orElseThrow(() -> new NotFoundException(
            "no actor at " + address + " in the head's state; check the miner address"));
        MinerInfo info = chain.stateMinerInfo(id, TipSetKey.EMPTY).orElseThrow(() -> new NotFoundException(
            "no miner actor at " + address + " in the head's state (" + id + " is another kind of actor)"));
        return new Miner(id, info);
    }

    Optional<Address> idOf(Address address) {
        return chain.stateLookupId(address, TipSetKey.EMPTY);
    }

    /** The f1/f3 key of an account (by any of its addresses); empty for other actors and unknown IDs. */
    Optional<Address> keyOf(Address address) {
        return chain.stateAccountKey(address, TipSetKey.EMPTY);
    }

    TokenAmount balance(Address address) {
        return chain.walletBalance(address);
    }

    long headHeight() {
        return chain.chainHead().height();
    }

    /**
     * An existing account actor, as its ID address; IllegalArgumentException naming {@code role} when the
     * address has no actor yet or is not an account.
     */
    Address account(Address address, String role, String action) {
        Address id = idOf(address).orElseThrow(() -> new IllegalArgumentException(action + ": " + role + " " + address
            + " has no actor on chain yet; send it some FIL first"));
        Optional<ActorState> actor = chain.stateGetActor(id, TipSetKey.EMPTY);
        if (actor.isEmpty() || !actor.get().isAccount()) {
            throw new IllegalArgumentException(action + ": " + role + " " + address + " (" + id + ") is "
                + actor.flatMap(ActorState::kind).map(k -> "a " + k.actorName() + " actor").orElse("not an account")
                + "; it must be an account (an f1 or f3 key address)");
        }
        return id;
    }
}
