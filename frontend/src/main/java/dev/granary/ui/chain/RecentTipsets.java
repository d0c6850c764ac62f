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
 * changes, so its summary (which reads every block's messages) is computed once and kept while it is
 * in the window; each refresh then reads only what is new.
 */
final class RecentTipsets {

    static final int SHOWN = 30;

    private final Map<TipSetKey, TipsetSummary> known = new HashMap<>();

    /** Newest first: the head, its parent, and so on, at most {@link #SHOWN}, ending at genesis if that is near. */
    List<TipsetSummary> endingAt(ChainApi chain, TipSet head) {
        List<TipsetSummary> recent = new ArrayList<>(SHOWN);
        Set<TipSetKey> inWindow = new HashSet<>();
        TipSet current = head;
        while (current != null && recent.size() < SHOWN) {
            TipSet tipSet = current;
            TipSet parent = tipSet.isGenesis() ? null : chain.chainGetTipSet(tipSet.parents());
            recent.add(known.computeIfAbsent(tipSet.key(), k -> TipsetSummary.of(chain, tipSet, parent)));
            inWindow.add(tipSet.key());
            current = parent;
        }
        // A reorganised chain leaves tipsets that are no longer on the way back from the head.
        known.keySet().retainAll(inWindow);
        return recent;
    }
}
