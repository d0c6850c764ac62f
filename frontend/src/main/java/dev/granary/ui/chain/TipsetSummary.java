package dev.granary.ui.chain;

import dev.granary.chain.ChainApi;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.types.TipSet;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the recent-tipsets table and one bar of the chart.
 *
 * @param height           the tipset's height
 * @param cids             its block CIDs, in the tipset's order
 * @param time             its timestamp (the earliest of its blocks')
 * @param blocks           how many blocks it has
 * @param messages         distinct messages its blocks include (a message in two blocks counts once, as it executes once)
 * @param interval         time since the tipset before it; null for genesis
 * @param nullRoundsBefore heights without a block between that tipset and this one
 */
record TipsetSummary(long height, List<Cid> cids, Instant time, int blocks, int messages, Duration interval,
                     long nullRoundsBefore) {

    TipsetSummary {
        cids = List.copyOf(cids);
    }

    /** Reads what the table shows about {@code tipSet}; {@code parent} is null for genesis. */
    static TipsetSummary of(ChainApi chain, TipSet tipSet, TipSet parent) {
        Instant time = Instant.ofEpochSecond(tipSet.minTimestamp());
        Duration interval = parent == null ? null : Duration.ofSeconds(tipSet.minTimestamp() - parent.minTimestamp());
        long nullRounds = parent == null ? 0 : tipSet.height() - parent.height() - 1;
        return new TipsetSummary(tipSet.height(), tipSet.key().cids(), time, tipSet.blocks().size(),
            distinctMessages(chain, tipSet), interval, nullRounds);
    }

    private static int distinctMessages(ChainApi chain, TipSet tipSet) {
        Set<Cid> seen = new HashSet<>();
        for (BlockHeader block : tipSet.blocks()) {
            BlockMessages messages = chain.chainGetBlockMessages(block.cid());
            messages.bls().stream().map(Message::cid).forEach(seen::add);
            messages.secpk().stream().map(SignedMessage::cid).forEach(seen::add);
        }
        return seen.size();
    }
}
