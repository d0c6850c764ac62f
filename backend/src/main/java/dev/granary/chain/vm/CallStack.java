package dev.granary.chain.vm;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SendResult;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateAccess;
import dev.granary.chain.actors.SystemState;
import dev.granary.fil.TokenAmount;

/**
 * The sends of one message (or implicit system call): every send, the message's own and those actors
 * make, shares its gas meter and runs in an overlay over its caller's, kept only if the callee succeeds.
 */
final class CallStack {

    private final GasMeter gas;
    private final Function<ActorState, ActorCode> codes;
    private final long epoch;
    private final Address origin;
    private final long originNonce;
    private long actorsCreated;
    private ChainPolicy policy;

    /**
     * @param origin      the message's from address as written (robust addresses derive from it, as the FVM does)
     * @param originNonce the message's nonce
     */
    CallStack(GasMeter gas, long epoch, Address origin, long originNonce) {
        this(gas, BuiltinCode::of, epoch, origin, originNonce);
    }

    /** @param codes which code runs for an actor (the builtin actors', or test actors in the VM's own tests) */
    CallStack(GasMeter gas, Function<ActorState, ActorCode> codes, long epoch, Address origin, long originNonce) {
        this.gas = Objects.requireNonNull(gas, "gas");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.epoch = epoch;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.originNonce = originNonce;
    }

    GasMeter gas() {
        return gas;
    }

    long epoch() {
        return epoch;
    }

    /**
     * Sends {@code value} and then invokes {@code method} of the actor at {@code to}, in a layer over
     * {@code parent} that is merged only on success. Lotus' order of charges: creating the receiver's
     * account (a new f1/f3 address), then the invocation.
     */
    SendResult send(StateAccess parent, long fromId, Address to, long method, byte[] params, TokenAmount value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("actor f0" + fromId + " tried to send a negative value " + value + " to " + to);
        }
        StateOverlay layer = new StateOverlay(parent);
        ActorTable actors = new ActorTable(layer);
        try {
            long toId = resolveOrCreateReceiver(actors, to);
            gas.charge(PriceList.onMethodInvocation(!value.isZero(), method),
                    "invoking method " + Long.toUnsignedString(method) + " of " + to);
            transfer(actors, fromId, toId, value);
            byte[] ret = method == 0 ? null : invoke(layer, actors, fromId, toId, method, params, value);
            layer.mergeIntoParent();
            return SendResult.ok(ret);
        } catch (ActorException e) {
            return SendResult.failed(e.exitCode(), e.getMessage());
        }
    }

    private byte[] invoke(StateOverlay layer, ActorTable actors, long fromId, long toId, long method, byte[] params,
            TokenAmount value) {
        ActorState receiver = actors.require(toId);
        ActorCode code = codes.apply(receiver);
        CallFrame frame = new CallFrame(this, layer, actors, toId, fromId, value);
        return code.invoke(frame, method, params == null ? new byte[0] : params);
    }

    private long resolveOrCreateReceiver(ActorTable actors, Address to) {
        InitActor init = new InitActor(actors);
        OptionalLong id = init.lookupId(to);
        if (id.isPresent()) {
            return id.getAsLong();
        }
        if (!InitActor.isAccountKeyAddress(to)) {
            throw new ActorException(ExitCode.SYS_ERR_INVALID_RECEIVER, "receiver " + to
                    + " has no actor and only f1/f3 addresses get one by receiving; send to an existing actor");
        }
        gas.charge(PriceList.onCreateActor(), "creating the account of " + to);
        return init.registerAccount(to);
    }

    private static void transfer(ActorTable actors, long fromId, long toId, TokenAmount value) {
        if (value.isZero()) {
            return;
        }
        ActorState from = actors.require(fromId);
        if (from.balance().compareTo(value) < 0) {
            throw new ActorException(ExitCode.SYS_ERR_INSUFFICIENT_FUNDS, "f0" + fromId + " cannot send " + value
                    + ": its balance is " + from.balance());
        }
        if (fromId == toId) {
            return;
        }
        actors.put(fromId, from.withBalance(from.balance().subtract(value)));
        ActorState to = actors.require(toId);
        actors.put(toId, to.withBalance(to.balance().add(value)));
    }

    /** The policy genesis recorded (read once per message: it never changes). */
    ChainPolicy policy(ActorTable actors) {
        if (policy == null) {
            policy = actors.readHead(SingletonActors.SYSTEM_ID, SystemState.CODEC).policy();
        }
        return policy;
    }

    /** FVM's next_actor_address: blake2b-160 of dag-cbor(origin) ‖ nonce (u64 BE) ‖ actors created so far (u64 BE). */
    Address nextActorAddress() {
        byte[] originCbor = FilCodecs.ADDRESS.encode(origin);
        ByteBuffer seed = ByteBuffer.allocate(originCbor.length + 16);
        seed.put(originCbor).putLong(originNonce).putLong(actorsCreated);
        return Address.actor(seed.array());
    }

    void actorCreated() {
        actorsCreated++;
    }
}
