package dev.granary.chain.actors.reward;

import java.math.BigInteger;
import java.util.List;

import dev.granary.cbor.CborCodecs;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SendResult;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.fil.TokenAmount;

/**
 * The reward actor (f02): holds the devnet's reward pool and the tips of the current tipset's
 * messages, and pays each block's miner its block reward and tips. See {@link RewardState} for how the
 * block reward decays.
 *
 * <p>Devnet differences from builtin-actors' AwardBlockReward: the block reward is
 * {@code ThisEpochReward × WinCount} (mainnet divides by the 5 expected leaders per epoch; the devnet
 * expects one); the penalty is burnt from the payout instead of becoming the miner's fee debt, and is
 * forgiven beyond the payout; the payout is a plain transfer (method 0), so an account producer can be
 * paid as well as a miner actor, and a key-address producer without an actor gets an account.
 */
public final class RewardActor implements ActorCode {

    public static final RewardActor INSTANCE = new RewardActor();

    private RewardActor() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == RewardMethods.CONSTRUCTOR) {
            rt.validateCallerIs("Reward.Constructor", "the system actor", List.of(SingletonActors.SYSTEM));
            throw ActorException.illegalState("Reward.Constructor: the reward actor is constructed at genesis");
        }
        if (method == RewardMethods.AWARD_BLOCK_REWARD) {
            awardBlockReward(rt, FilCodecs.decodeParams("AwardBlockReward", AwardBlockRewardParams.CODEC, params));
            return null;
        }
        if (method == RewardMethods.THIS_EPOCH_REWARD) {
            RewardState st = rt.state(RewardState.CODEC);
            return ThisEpochRewardReturn.CODEC.encode(new ThisEpochRewardReturn(
                    FilterEstimate.exactly(st.thisEpochReward().attoFil()), BigInteger.ZERO));
        }
        if (method == RewardMethods.UPDATE_NETWORK_KPI) {
            updateNetworkKpi(rt, FilCodecs.decodeParams("UpdateNetworkKPI", CborCodecs.nullable(FilCodecs.BIG_INT), params));
            return null;
        }
        throw ActorException.unhandledMethod(BuiltinActor.REWARD, method);
    }

    private static void awardBlockReward(ActorRuntime rt, AwardBlockRewardParams p) {
        rt.validateCallerIs("AwardBlockReward", "the system actor", List.of(SingletonActors.SYSTEM));
        TokenAmount balance = rt.currentBalance();
        if (p.penalty().isNegative()) {
            throw ActorException.illegalArgument("AwardBlockReward: negative penalty " + p.penalty());
        }
        if (p.gasReward().isNegative()) {
            throw ActorException.illegalArgument("AwardBlockReward: negative gas reward " + p.gasReward());
        }
        if (balance.compareTo(p.gasReward()) < 0) {
            throw ActorException.illegalState("AwardBlockReward: balance " + balance + " cannot pay the gas reward "
                    + p.gasReward());
        }
        if (p.winCount() < 0) {
            throw ActorException.illegalArgument("AwardBlockReward: invalid win count " + p.winCount());
        }
        if (rt.resolveAddress(p.miner()).isEmpty() && !InitActor.isAccountKeyAddress(p.miner())) {
            throw ActorException.notFound("AwardBlockReward: miner " + p.miner() + " has no actor");
        }
        RewardState st = rt.state(RewardState.CODEC);
        TokenAmount blockReward = st.thisEpochReward().multiply(p.winCount());
        TokenAmount total = p.gasReward().add(blockReward);
        if (total.compareTo(balance) > 0) {
            total = balance;
            blockReward = total.subtract(p.gasReward());
        }
        rt.saveState(RewardState.CODEC, st.withBlockRewardPaid(blockReward));

        TokenAmount burnt = p.penalty().compareTo(total) < 0 ? p.penalty() : total;
        TokenAmount paid = total.subtract(burnt);
        burn(rt, burnt);
        if (!paid.isZero() && !rt.send(p.miner(), METHOD_SEND, null, paid).isSuccess()) {
            // As builtin-actors: a miner that cannot take its reward does not stop the block; the reward is burnt.
            burn(rt, paid);
        }
    }

    private static void burn(ActorRuntime rt, TokenAmount amount) {
        if (amount.isZero()) {
            return;
        }
        SendResult burnt = rt.send(SingletonActors.BURNT_FUNDS, METHOD_SEND, null, amount);
        burnt.orThrow("AwardBlockReward: burning " + amount);
    }

    private static void updateNetworkKpi(ActorRuntime rt, BigInteger realizedPower) {
        rt.validateCallerIs("UpdateNetworkKPI", "the power actor", List.of(SingletonActors.POWER));
        RewardState st = rt.state(RewardState.CODEC);
        rt.saveState(RewardState.CODEC, st.decayedThrough(rt.epoch(), realizedPower == null ? BigInteger.ZERO : realizedPower));
    }
}
