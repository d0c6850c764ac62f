package dev.granary.chain.actors.cron;

import java.util.List;

import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.fil.TokenAmount;

/** The cron actor (f03): the system ticks it at the end of every epoch and it calls its table's entries. */
public final class CronActor implements ActorCode {

    public static final CronActor INSTANCE = new CronActor();

    private CronActor() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == CronMethods.CONSTRUCTOR) {
            rt.validateCallerIs("Cron.Constructor", "the system actor", List.of(SingletonActors.SYSTEM));
            throw ActorException.illegalState("Cron.Constructor: the cron actor is constructed at genesis");
        }
        if (method == CronMethods.EPOCH_TICK) {
            epochTick(rt);
            return null;
        }
        throw ActorException.unhandledMethod(BuiltinActor.CRON, method);
    }

    private static void epochTick(ActorRuntime rt) {
        rt.validateCallerIs("EpochTick", "the system actor", List.of(SingletonActors.SYSTEM));
        for (CronEntry entry : rt.state(CronState.CODEC).entries()) {
            // As builtin-actors: one entry failing (its changes undone) must not stop the others or the epoch.
            rt.send(entry.receiver(), entry.methodNum(), null, TokenAmount.ZERO);
        }
    }
}
