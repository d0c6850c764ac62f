package dev.granary.chain.vm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SendResult;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Blake2b;

/** One running actor method: its {@link ActorRuntime}, reading and writing its call's layer. */
final class CallFrame implements ActorRuntime {

    private final CallStack stack;
    private final StateOverlay layer;
    private final ActorTable actors;
    private final long receiverId;
    private final long callerId;
    private final TokenAmount value;

    CallFrame(CallStack stack, StateOverlay layer, ActorTable actors, long receiverId, long callerId, TokenAmount value) {
        this.stack = stack;
        this.layer = layer;
        this.actors = actors;
        this.receiverId = receiverId;
        this.callerId = callerId;
        this.value = value;
    }

    @Override
    public long epoch() {
        return stack.epoch();
    }

    @Override
    public Address receiver() {
        return Address.ofId(receiverId);
    }

    @Override
    public Address caller() {
        return Address.ofId(callerId);
    }

    @Override
    public TokenAmount valueReceived() {
        return value;
    }

    @Override
    public TokenAmount currentBalance() {
        return actors.require(receiverId).balance();
    }

    @Override
    public ChainPolicy policy() {
        return stack.policy(actors);
    }

    @Override
    public void validateCallerIs(String method, String role, List<Address> allowed) {
        if (!allowed.contains(caller())) {
            String who = allowed.size() == 1 ? allowed.getFirst().toString()
                    : allowed.stream().map(Address::toString).collect(Collectors.joining(", ", "(", ")"));
            throw ActorException.forbidden(method + ": caller " + caller() + " is not " + role + " " + who);
        }
    }

    @Override
    public void validateCallerType(String method, BuiltinActor... kinds) {
        Optional<BuiltinActor> kind = actorKind(callerId);
        if (kind.isEmpty() || !Arrays.asList(kinds).contains(kind.get())) {
            String allowed = Arrays.stream(kinds).map(BuiltinActor::actorName).collect(Collectors.joining(" or "));
            throw ActorException.forbidden(method + ": caller " + caller() + " is "
                    + kind.map(k -> "a " + k.actorName() + " actor").orElse("not a builtin actor") + "; only " + allowed
                    + " actors may call it");
        }
    }

    @Override
    public <T> T state(CborCodec<T> codec) {
        stack.gas().charge(PriceList.onIpldGet(), "reading the state of " + receiver());
        return actors.readHead(receiverId, codec);
    }

    @Override
    public <T> void saveState(CborCodec<T> codec, T state) {
        byte[] bytes = codec.encode(state);
        stack.gas().charge(PriceList.onIpldPut(bytes.length), "writing the state of " + receiver());
        actors.updateHeadBytes(receiverId, bytes);
    }

    @Override
    public byte[] readEntry(byte[] key) {
        stack.gas().charge(PriceList.onIpldGet(), "reading an entry of " + receiver());
        return layer.get(key);
    }

    @Override
    public void writeEntry(byte[] key, byte[] value) {
        stack.gas().charge(PriceList.onIpldPut(value.length), "writing an entry of " + receiver());
        layer.put(key, value);
    }

    @Override
    public void deleteEntry(byte[] key) {
        stack.gas().charge(PriceList.onIpldPut(0), "deleting an entry of " + receiver());
        layer.delete(key);
    }

    @Override
    public OptionalLong resolveAddress(Address address) {
        return new InitActor(actors).lookupId(address);
    }

    @Override
    public Optional<BuiltinActor> actorKind(long id) {
        ActorState actor = actors.get(id);
        return actor == null ? Optional.empty() : actor.kind();
    }

    @Override
    public SendResult send(Address to, long method, byte[] params, TokenAmount value) {
        return stack.send(layer, receiverId, to, method, params, value);
    }

    @Override
    public byte[] hashBlake2b(byte[] data) {
        stack.gas().charge(PriceList.onHashing(), "hashing for " + receiver());
        return Blake2b.sum256(data);
    }

    @Override
    public Address newActorAddress() {
        return stack.nextActorAddress();
    }

    @Override
    public void createActor(long id, BuiltinActor kind) {
        stack.gas().charge(PriceList.onCreateActor(), "creating actor f0" + id);
        if (actors.get(id) != null) {
            throw ActorException.forbidden("actor f0" + id + " already exists");
        }
        actors.createEmpty(id, kind);
        stack.actorCreated();
    }
}
