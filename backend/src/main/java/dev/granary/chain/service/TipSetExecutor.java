package dev.granary.chain.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.granary.address.Address;
import dev.granary.chain.gas.BaseFee;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.store.ChainStoreException;
import dev.granary.chain.types.BlockMessages;
import dev.granary.crypto.Bls;
import dev.granary.message.Message;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import dev.granary.chain.vm.BlockExecution;
import dev.granary.chain.vm.TipSetExecution;
import dev.granary.chain.vm.TipSetOutcome;
import dev.granary.chain.vm.Vm;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * Runs tipsets' messages (Lotus' TipSetState). The result of a tipset is named only by its child's
 * headers, so the head's result lives in memory: it is recomputed after a restart, deterministically,
 * from the head's parent state and messages. A small cache keeps recent results.
 */
final class TipSetExecutor {

    private static final int CACHE_SIZE = 64;

    private final KvStore kv;
    private final ChainStore store;
    private final ChainObjects objects;
    private final MessageIndex index;
    private final Map<TipSetKey, ExecutedTipSet> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TipSetKey, ExecutedTipSet> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    TipSetExecutor(KvStore kv, ChainStore store, ChainObjects objects, MessageIndex index) {
        this.kv = kv;
        this.store = store;
        this.objects = objects;
        this.index = index;
    }

    KvStore kv() {
        return kv;
    }

    /** The state and receipts after {@code tipSet}'s messages; genesis has none, so its result is its own state. */
    synchronized ExecutedTipSet executed(TipSet tipSet) {
        ExecutedTipSet cached = cache.get(tipSet.key());
        if (cached != null) {
            return cached;
        }
        ExecutedTipSet result = tipSet.isGenesis()
            ? new ExecutedTipSet(tipSet.key(), tipSet.parentStateRoot(), objects.storeReceipts(List.of()), List.of(), List.of(), 0)
            : run(tipSet);
        cache.put(tipSet.key(), result);
        return result;
    }

    synchronized void remember(ExecutedTipSet executed) {
        cache.put(executed.tipSet(), executed);
    }

    private ExecutedTipSet run(TipSet tipSet) {
        TipSet parent = store.parent(tipSet).orElseThrow();
        List<BlockExecution> blocks = new ArrayList<>();
        StateQueries parentState = StateQueries.at(kv, tipSet.parentStateRoot());
        for (BlockHeader block : tipSet.blocks()) {
            long winCount = block.electionProof() == null ? 0 : block.electionProof().winCount();
            BlockMessages messages = objects.blockMessages(block.messages());
            requireValidBlsAggregate(block, messages, parentState);
            blocks.add(new BlockExecution(block.miner(), winCount, messages.bls(), messages.secpk()));
        }
        TokenAmount baseFee = tipSet.blocks().getFirst().parentBaseFee();
        TipSetOutcome outcome = Vm.applyTipSet(kv, tipSet.parentStateRoot(),
            new TipSetExecution(parent.height(), tipSet.height(), baseFee, blocks));
        return ExecutedTipSet.of(tipSet.key(), outcome, objects.storeReceipts(outcome.receipts()), gasLimitUsed(blocks));
    }

    /** Candidate messages run on {@code parent}'s result as the block of {@code epoch} would run them. */
    TrialRun trial(ExecutedTipSet parent, long parentEpoch, long epoch, TokenAmount baseFee, Address miner,
                   List<SignedMessage> candidates) {
        TipSetOutcome outcome = Vm.applyTipSet(kv, parent.stateRoot(),
            new TipSetExecution(parentEpoch, epoch, baseFee, List.of(new BlockExecution(miner, 1, candidates))));
        return TrialRun.of(candidates, outcome, objects.storeReceipts(outcome.receipts()));
    }

    /**
     * The base fee the messages of {@code tipSet}'s child pay: Lotus' update from the tipset's own base fee
     * and the gas limits of its unique messages.
     */
    TokenAmount baseFeeAfter(TipSet tipSet) {
        return BaseFee.next(tipSet.blocks().getFirst().parentBaseFee(), executed(tipSet).gasLimitUsed(),
            tipSet.blocks().size());
    }

    /** Records where the tipset's messages were included, for StateSearchMsg. */
    void indexMessages(TipSet tipSet, ExecutedTipSet executed) {
        index.record(executed.messages(), tipSet.height());
    }

    /**
     * The block's BLS messages are stored unsigned; their signatures survive only as the header's
     * BLSAggregate, which must verify against the senders' keys before the messages may run.
     */
    private static void requireValidBlsAggregate(BlockHeader block, BlockMessages messages, StateQueries state) {
        if (messages.bls().isEmpty()) {
            return;
        }
        List<byte[]> signed = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (Message m : messages.bls()) {
            Address key = state.accountKey(m.from()).orElseThrow(() -> new ChainStoreException("block " + block.cid()
                + " holds BLS message " + m.cid() + " from " + m.from() + ", which has no account key in its parent state"));
            signed.add(m.cid().bytes());
            keys.add(key.payload());
        }
        if (block.blsAggregate() == null || !Bls.verifyAggregate(block.blsAggregate().data(), signed, keys)) {
            throw new ChainStoreException("block " + block.cid() + ": its BLSAggregate does not verify over its "
                + messages.bls().size() + " BLS messages; the block is invalid");
        }
    }

    /** Lotus' base fee input: the gas limits of the tipset's unique messages. */
    private static long gasLimitUsed(List<BlockExecution> blocks) {
        Set<Cid> seen = new LinkedHashSet<>();
        long total = 0;
        for (BlockExecution block : blocks) {
            for (Message m : block.blsMessages()) {
                if (seen.add(m.cid())) {
                    total += m.gasLimit();
                }
            }
            for (SignedMessage m : block.messages()) {
                if (seen.add(m.message().cid())) {
                    total += m.message().gasLimit();
                }
            }
        }
        return total;
    }
}
