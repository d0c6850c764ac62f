package dev.granary.chain.actors.init;

import java.util.List;
import java.util.Optional;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.InitState;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateKeys;

/**
 * The init actor's methods. Exec creates an actor under a fresh ID and a robust address and runs its
 * constructor with the value received. As in builtin-actors, only the power actor may create miners;
 * multisig and payment-channel actors, which any caller may create on Filecoin, do not exist on the
 * devnet yet, so Exec refuses them.
 */
public final class InitActorCode implements ActorCode {

    public static final InitActorCode INSTANCE = new InitActorCode();

    private InitActorCode() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == InitMethods.CONSTRUCTOR) {
            rt.validateCallerIs("Init.Constructor", "the system actor", List.of(SingletonActors.SYSTEM));
            throw ActorException.illegalState("Init.Constructor: the init actor is constructed at genesis");
        }
        if (method == InitMethods.EXEC) {
            return ExecReturn.CODEC.encode(exec(rt, FilCodecs.decodeParams("Exec", ExecParams.CODEC, params)));
        }
        throw ActorException.unhandledMethod(BuiltinActor.INIT, method);
    }

    private static ExecReturn exec(ActorRuntime rt, ExecParams params) {
        BuiltinActor kind = BuiltinActor.byCode(params.codeCid()).orElseThrow(() -> ActorException.forbidden(
                "Exec: code " + params.codeCid() + " is not a builtin actor"));
        Optional<BuiltinActor> callerKind = rt.actorKind(rt.caller().id());
        if (kind != BuiltinActor.MINER || callerKind.orElse(null) != BuiltinActor.POWER) {
            throw ActorException.forbidden("Exec: caller " + rt.caller() + " ("
                    + callerKind.map(BuiltinActor::actorName).orElse("unknown") + ") cannot create a " + kind.actorName()
                    + " actor; only the power actor creates actors on the devnet (storage miners)");
        }
        Address robust = rt.newActorAddress();
        long id = mapToNewId(rt, robust);
        rt.createActor(id, kind);
        Address idAddress = Address.ofId(id);
        rt.send(idAddress, METHOD_CONSTRUCTOR, params.constructorParams(), rt.valueReceived())
                .orThrow("Exec: constructor of " + kind.actorName() + " " + idAddress + " failed");
        return new ExecReturn(idAddress, robust);
    }

    /** Filecoin's MapAddressToNewID, through the runtime so the writes are charged and undone with the call. */
    private static long mapToNewId(ActorRuntime rt, Address robust) {
        if (rt.readEntry(StateKeys.initAddress(robust)) != null) {
            throw ActorException.forbidden("Exec: robust address " + robust + " is already mapped to an actor");
        }
        InitState state = rt.state(InitState.CODEC);
        long id = state.nextId();
        rt.writeEntry(StateKeys.initAddress(robust), InitActor.ID_VALUE.encode(id));
        rt.saveState(InitState.CODEC, state.withNextId(id + 1));
        return id;
    }
}
