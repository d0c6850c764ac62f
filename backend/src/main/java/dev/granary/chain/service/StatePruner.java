package dev.granary.chain.service;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.chain.state.TriePruner;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.TipSet;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * Drops states older than the retention depth every {@code interval} epochs: keeps the parent states of
 * the last {@code retention} tipsets and the head's result, deletes every other trie node, then
 * compacts so the disk space comes back. Runs on the producer's thread between blocks, so no state is
 * being built on a root it drops. Block headers and messages are kept (they are small and snapshots
 * need the headers back to genesis).
 */
final class StatePruner {

    private static final Logger log = LoggerFactory.getLogger(StatePruner.class);

    private final KvStore kv;
    private final ChainStore store;
    private final long retention;
    private final long interval;

    StatePruner(KvStore kv, ChainStore store, long retention, long interval) {
        if (retention < 1 || interval < 1) {
            throw new IllegalArgumentException("chain.state-retention and chain.prune-interval must be at least 1, got "
                + retention + " and " + interval);
        }
        this.kv = kv;
        this.store = store;
        this.retention = retention;
        this.interval = interval;
    }

    void afterHead(TipSet head, Cid headResult) {
        if (head.height() % interval != 0 || head.height() <= retention) {
            return;
        }
        List<Cid> keep = new ArrayList<>();
        keep.add(headResult);
        for (TipSet tipSet : store.walkBack(head, (int) Math.min(Integer.MAX_VALUE, retention))) {
            keep.add(tipSet.parentStateRoot());
        }
        TriePruner.Result result = TriePruner.prune(kv, keep);
        log.info("pruned states older than {} epochs at height {}: kept {} trie nodes, deleted {}", retention,
            head.height(), result.kept(), result.deleted());
    }
}
