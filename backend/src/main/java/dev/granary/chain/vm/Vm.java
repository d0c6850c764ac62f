package dev.granary.chain.vm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SendResult;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateAccess;
import dev.granary.chain.actors.cron.CronMethods;
import dev.granary.chain.actors.reward.AwardBlockRewardParams;
import dev.granary.chain.actors.reward.RewardMethods;
import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.state.StateSession;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * The devnet VM: applies tipsets to a state root as Lotus' ApplyBlocks does, and runs messages for gas
 * estimation and read-only calls.
 *
 * <p>Every message and every actor-to-actor send first transfers its value, then invokes the
 * receiver's method (method 0 only transfers). A send runs in its own layer over its caller's state,
 * kept only if it succeeds, so a failed inner send leaves no trace and its caller sees its exit code. A
 * message that fails keeps only its gas payment and nonce. Gas follows Lotus' Calico price list
 * ({@link PriceList}); running out anywhere fails the message with its whole limit used.
 */
public final class Vm {

    private Vm() {
    }

    /**
     * Applies a tipset and commits the resulting state once: cron for every null round between the
     * parent and {@code epoch}; then per block its messages not yet applied in this tipset (duplicates,
     * by unsigned message CID, are reported and skipped) followed by the block's reward; then cron for
     * {@code epoch}.
     *
     * @throws IllegalArgumentException a block's miner has no actor and is not a key address that could get one
     * @throws IllegalStateException    a reward or cron call failed, which only a corrupt state causes
     */
    public static TipSetOutcome applyTipSet(KvStore kv, Cid parentStateRoot, TipSetExecution exec) {
        Objects.requireNonNull(exec, "exec");
        StateSession session = StateSession.on(kv, parentStateRoot);
        requireMinersCanBePaid(session, exec.blocks());
        for (long nullRound = exec.parentEpoch() + 1; nullRound < exec.epoch(); nullRound++) {
            tickCron(new MessageApplier(session, nullRound, exec.baseFee()), nullRound);
        }
        MessageApplier applier = new MessageApplier(session, exec.epoch(), exec.baseFee());
        List<MessageReceipt> receipts = new ArrayList<>();
        List<ApplyResult> results = new ArrayList<>();
        Set<Cid> applied = new HashSet<>();
        for (BlockExecution block : exec.blocks()) {
            TokenAmount tips = TokenAmount.ZERO;
            TokenAmount penalties = TokenAmount.ZERO;
            List<BlockMessage> inOrder = new ArrayList<>();
            block.blsMessages().forEach(m -> inOrder.add(new BlockMessage(m, null)));
            block.messages().forEach(m -> inOrder.add(new BlockMessage(m.message(), m)));
            for (BlockMessage message : inOrder) {
                Cid unsignedCid = message.unsigned().cid();
                if (applied.contains(unsignedCid)) {
                    results.add(new ApplyResult.Invalid(message.cid(), InvalidReason.DUPLICATE, "message " + unsignedCid
                            + " was already applied by an earlier block of this tipset"));
                    continue;
                }
                ApplyResult result = message.signed() == null
                        ? applier.applyAggregateVerified(message.unsigned())
                        : applier.apply(message.signed());
                results.add(result);
                if (result instanceof ApplyResult.Applied ran) {
                    applied.add(unsignedCid);
                    receipts.add(ran.receipt());
                    tips = tips.add(ran.gas().minerTip());
                    penalties = penalties.add(ran.gas().minerPenalty());
                }
            }
            awardBlockReward(applier, exec.epoch(), new AwardBlockRewardParams(block.miner(), penalties, tips, block.winCount()));
        }
        tickCron(applier, exec.epoch());
        return new TipSetOutcome(session.commit(), receipts, results);
    }

    /**
     * Lotus' gas estimation: applies the sender's pending messages, then {@code message} with the
     * sender's next nonce, the block gas limit and no signature check (its inclusion priced as if it
     * carried a signature of the sender's kind), paying no fee. Nothing is committed. The gas used is
     * an upper bound for the same message with a smaller gas limit.
     *
     * @throws InvalidMessageException the message could not be included at all (unknown sender, value
     *                                 beyond the balance, malformed)
     */
    public static GasEstimate estimateGas(KvStore kv, Cid stateRoot, long epoch, TokenAmount baseFee, Message message,
            List<SignedMessage> pendingFromSender) {
        StateSession session = StateSession.on(kv, stateRoot);
        MessageApplier applier = new MessageApplier(session, epoch, baseFee);
        for (SignedMessage pending : pendingFromSender) {
            applier.apply(pending);
        }
        OptionalLong nonce = applier.nonceOf(message.from());
        Message trial = new Message(message.version(), message.to(), message.from(),
                nonce.orElse(message.nonce()), message.value(), GasConstants.BLOCK_GAS_LIMIT, message.gasFeeCap(),
                message.gasPremium(), message.method(), message.params());
        MessageApplier.Execution run = applier.estimate(trial);
        return new GasEstimate(run.gasUsed(), run.exitCode(), run.returnValue(), run.error());
    }

    /**
     * Lotus' StateCall: runs {@code message} on the state at {@code stateRoot} without signature, nonce
     * or fee, with its gas limit (the block gas limit when zero); nothing is committed. The sender may be
     * any actor and must hold the value.
     */
    public static CallResult call(KvStore kv, Cid stateRoot, long epoch, Message message) {
        StateSession session = StateSession.on(kv, stateRoot);
        OptionalLong from = new InitActor(new ActorTable(session)).lookupId(message.from());
        if (from.isEmpty()) {
            return new CallResult(ExitCode.SYS_ERR_SENDER_INVALID, null, 0, "sender " + message.from()
                    + " has no actor in this state");
        }
        long gasLimit = message.gasLimit() > 0 ? message.gasLimit() : GasConstants.BLOCK_GAS_LIMIT;
        GasMeter gas = new GasMeter(gasLimit);
        CallStack calls = new CallStack(gas, epoch, message.from(), message.nonce());
        try {
            SendResult result = calls.send(new StateOverlay(StateAccess.of(session)), from.getAsLong(), message.to(),
                    message.method(), message.params(), message.value());
            return new CallResult(result.exitCode(), result.returnValue(), gas.used(), result.error());
        } catch (OutOfGasException e) {
            return new CallResult(ExitCode.SYS_ERR_OUT_OF_GAS, null, gasLimit, e.getMessage());
        }
    }

    /** A message of a block: {@code signed} is null for a BLS message whose signature is in the block's aggregate. */
    private record BlockMessage(Message unsigned, SignedMessage signed) {
        Cid cid() {
            return signed == null ? unsigned.cid() : signed.cid();
        }
    }

    private static void requireMinersCanBePaid(StateSession session, List<BlockExecution> blocks) {
        InitActor init = new InitActor(new ActorTable(session));
        for (BlockExecution block : blocks) {
            Address miner = block.miner();
            if (init.lookupId(miner).isEmpty() && !InitActor.isAccountKeyAddress(miner)) {
                throw new IllegalArgumentException("block miner " + miner + " has no actor and cannot be given an account; "
                        + "use an existing actor or an f1/f3 address");
            }
        }
    }

    private static void awardBlockReward(MessageApplier applier, long epoch, AwardBlockRewardParams params) {
        SendResult result = applier.runImplicit(SingletonActors.REWARD, RewardMethods.AWARD_BLOCK_REWARD,
                AwardBlockRewardParams.CODEC.encode(params));
        if (!result.isSuccess()) {
            throw new IllegalStateException("the block reward for " + params.miner() + " at epoch " + epoch
                    + " failed with exit code " + result.exitCode().value() + ": " + result.error());
        }
    }

    private static void tickCron(MessageApplier applier, long epoch) {
        SendResult result = applier.runImplicit(SingletonActors.CRON, CronMethods.EPOCH_TICK, null);
        if (!result.isSuccess()) {
            throw new IllegalStateException("cron at epoch " + epoch + " failed with exit code " + result.exitCode().value()
                    + ": " + result.error());
        }
    }
}
