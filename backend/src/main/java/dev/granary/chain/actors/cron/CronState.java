package dev.granary.chain.actors.cron;

import java.util.List;

import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborCodecs;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.power.PowerMethods;

/** The cron actor's state: the tuple [Entries], as builtin-actors'. */
public record CronState(List<CronEntry> entries) {

    public static final CborCodec<CronState> CODEC = CborCodec.tuple("CronState", 1,
        (s, w) -> CborCodecs.listOf(CronEntry.CODEC).encode(s.entries(), w),
        r -> new CronState(CborCodecs.listOf(CronEntry.CODEC).decode(r)));

    public CronState {
        entries = List.copyOf(entries);
    }

    /**
     * The devnet's table: the power actor's OnEpochTickEnd. Filecoin's also ticks the market actor
     * (CronTick, for deal payments), which joins when deals do.
     */
    public static CronState genesis() {
        return new CronState(List.of(new CronEntry(SingletonActors.POWER, PowerMethods.ON_EPOCH_TICK_END)));
    }
}
