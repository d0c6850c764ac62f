package dev.granary.chain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.TipSet;
import dev.granary.kv.KvStore;

/** Re-executes a stored chain from scratch (no cache) and checks it against what its blocks name. */
final class ChainReplay {

    private ChainReplay() {
    }

    /** Every tipset below the head re-executes to exactly the state root and receipts its child names. */
    static int assertEveryTipSetReexecutes(KvStore kv) {
        ChainStore store = new ChainStore(kv);
        TipSetExecutor fresh = new TipSetExecutor(kv, store, new ChainObjects(kv), new MessageIndex(kv));
        TipSet child = store.head().orElseThrow();
        int checked = 0;
        while (!child.isGenesis()) {
            TipSet parent = store.parent(child).orElseThrow();
            ExecutedTipSet executed = fresh.executed(parent);
            assertEquals(child.parentStateRoot(), executed.stateRoot(), "state root after height " + parent.height());
            assertEquals(child.blocks().getFirst().parentMessageReceipts(), executed.receiptsRoot(),
                "receipts after height " + parent.height());
            child = parent;
            checked++;
        }
        return checked;
    }
}
