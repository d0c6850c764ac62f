package dev.granary.chain.vm;

import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.account.AccountActor;
import dev.granary.chain.actors.cron.CronActor;
import dev.granary.chain.actors.init.InitActorCode;
import dev.granary.chain.actors.market.MarketActor;
import dev.granary.chain.actors.miner.MinerActor;
import dev.granary.chain.actors.power.PowerActor;
import dev.granary.chain.actors.reward.RewardActor;

/** Which code runs for an actor: its builtin kind's. Kinds the devnet has no methods for answer every method with exit 22. */
final class BuiltinCode {

    private BuiltinCode() {
    }

    static ActorCode of(ActorState actor) {
        BuiltinActor kind = actor.kind().orElseThrow(() -> new IllegalStateException("actor code " + actor.code()
                + " is not a builtin actor; the state is corrupt"));
        return switch (kind) {
            case ACCOUNT -> AccountActor.INSTANCE;
            case INIT -> InitActorCode.INSTANCE;
            case REWARD -> RewardActor.INSTANCE;
            case CRON -> CronActor.INSTANCE;
            case POWER -> PowerActor.INSTANCE;
            case MARKET -> MarketActor.INSTANCE;
            case MINER -> MinerActor.INSTANCE;
            case SYSTEM, PAYMENT_CHANNEL, MULTISIG, VERIFIED_REGISTRY -> (rt, method, params) -> {
                throw ActorException.unhandledMethod(kind, method);
            };
        };
    }
}
