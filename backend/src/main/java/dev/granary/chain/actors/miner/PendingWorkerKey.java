package dev.granary.chain.actors.miner;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** A worker key change waiting for its epoch (go-state-types miner.WorkerKeyChange: [NewWorker, EffectiveAt]). */
public record PendingWorkerKey(Address newWorker, long effectiveAt) {

    public static final CborCodec<PendingWorkerKey> CODEC = CborCodec.tuple("WorkerKeyChange", 2,
        (k, w) -> {
            FilCodecs.ADDRESS.encode(k.newWorker(), w);
            w.writeInt(k.effectiveAt());
        },
        r -> new PendingWorkerKey(FilCodecs.ADDRESS.decode(r), r.readInt()));

    public PendingWorkerKey {
        Objects.requireNonNull(newWorker, "newWorker");
    }
}
