package dev.granary.ui.chain;

import dev.granary.chain.ChainApi;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last {@link #SHOWN} tipsets ending at a head, walked back through their parents. A tipset never
 * changes, so its summary (which reads every block's messages) and its parent are read once and kept
 * while it is in the window; a new head then costs only the tipsets that are new.
 */
final class RecentTipsets {

    static final int SHOWN = 30;

    /** A tipset already read: its row, and its parent (null for genesis) to walk on without asking the chain. */
    private record Known(TipsetSummary summary, TipSet parent) {}

    private final Map<TipSetKey, Known> known = new HashMap<>();

    /** Newest first: the head, its parent, and so on, at most {@link #SHOWN}, ending at genesis if that is near. */
    List<TipsetSummary> endingAt(ChainApi chain, TipSet head) {
        List<TipsetSummary> recent = new ArrayList<>(SHOWN);
        Set<TipSetKey> inWindow = new HashSet<>();
        TipSet current = head;
        while (current != null && recent.size() < SHOWN) {
            TipSet tipSet = current;
            Known k = known.computeIfAbsent(tipSet.key(), key -> {
                TipSet parent = tipSet.isGenesis() ? null : chain.chainGetTipSet(tipSet.parents());
                return new Known(TipsetSummary.of(chain, tipSet, parent), parent);
            });
            recent.add(k.summary());
            inWindow.add(tipSet.key());
            current = k.parent();
        }
        // A reorganised chain leaves tipsets that are no longer on the way back from the head.
        known.keySet().retainAll(inWindow);
        return recent;
    }
}
