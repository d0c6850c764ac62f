package dev.granary.chain.actors.power;

import java.util.List;

import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateKeys;
import dev.granary.chain.actors.init.ExecParams;
import dev.granary.chain.actors.init.ExecReturn;
import dev.granary.chain.actors.init.InitMethods;
import dev.granary.chain.actors.miner.MinerConstructorParams;
import dev.granary.chain.actors.reward.RewardMethods;
import dev.granary.fil.TokenAmount;

/**
 * The storage power actor (f04): creates miners through the init actor and keeps the network's power
 * totals and each miner's claim. Power changes (UpdateClaimedPower, UpdatePledgeTotal) and miner cron
 * events (EnrollCronEvent) arrive with sectors; until then those methods answer USR_UNHANDLED_MESSAGE.
 */
public final class PowerActor implements ActorCode {

    public static final PowerActor INSTANCE = new PowerActor();

    private PowerActor() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == PowerMethods.CONSTRUCTOR) {
            rt.validateCallerIs("Power.Constructor", "the system actor", List.of(SingletonActors.SYSTEM));
            throw ActorException.illegalState("Power.Constructor: the power actor is constructed at genesis");
        }
        if (method == PowerMethods.CREATE_MINER) {
            return CreateMinerReturn.CODEC.encode(
                    createMiner(rt, FilCodecs.decodeParams("CreateMiner", CreateMinerParams.CODEC, params)));
        }
        if (method == PowerMethods.ON_EPOCH_TICK_END) {
            onEpochTickEnd(rt);
            return null;
        }
        if (method == PowerMethods.CURRENT_TOTAL_POWER) {
            return CurrentTotalPowerReturn.CODEC.encode(CurrentTotalPowerReturn.of(rt.state(PowerState.CODEC)));
        }
        throw ActorException.unhandledMethod(BuiltinActor.POWER, method);
    }

    /** The miner is created by init's Exec, which runs its constructor with the value sent here. */
    private static CreateMinerReturn createMiner(ActorRuntime rt, CreateMinerParams p) {
        rt.validateCallerType("CreateMiner", BuiltinActor.ACCOUNT);
        byte[] constructorParams = MinerConstructorParams.CODEC.encode(new MinerConstructorParams(p.owner(), p.worker(),
                List.of(), p.windowPoStProofType(), p.peer(), p.multiaddrs()));
        byte[] execParams = ExecParams.CODEC.encode(new ExecParams(BuiltinActor.MINER.code(), constructorParams));
        ExecReturn created = ExecReturn.CODEC.decode(rt.send(SingletonActors.INIT, InitMethods.EXEC, execParams,
                rt.valueReceived()).orThrow("CreateMiner: creating the miner actor"));
        rt.writeEntry(StateKeys.powerClaim(created.idAddress().id()),
                Claim.CODEC.encode(Claim.empty(p.windowPoStProofType())));
        rt.saveState(PowerState.CODEC, rt.state(PowerState.CODEC).withMinerAdded());
        return new CreateMinerReturn(created.idAddress(), created.robustAddress());
    }

    /** Closes the epoch's power figures and reports the raw byte power to the reward actor. */
    private static void onEpochTickEnd(ActorRuntime rt) {
        rt.validateCallerIs("OnEpochTickEnd", "the cron actor", List.of(SingletonActors.CRON));
        PowerState ended = rt.state(PowerState.CODEC).withEpochEnded();
        rt.saveState(PowerState.CODEC, ended);
        rt.send(SingletonActors.REWARD, RewardMethods.UPDATE_NETWORK_KPI, FilCodecs.BIG_INT.encode(ended.thisEpochRawBytePower()),
                TokenAmount.ZERO).orThrow("OnEpochTickEnd: updating the network KPI in the reward actor");
    }
}
