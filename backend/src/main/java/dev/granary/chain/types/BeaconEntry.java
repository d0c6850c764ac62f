package dev.granary.chain.types;

import dev.granary.cbor.CborCodec;
import java.util.Arrays;

/** One round of the randomness beacon (Lotus types.BeaconEntry): the tuple [Round uint64, Data bytes]. */
public record BeaconEntry(long round, byte[] data) {

    public static final CborCodec<BeaconEntry> CODEC = CborCodec.tuple("BeaconEntry", 2,
        (e, w) -> w.writeUnsigned(e.round).writeBytes(e.data),
        r -> new BeaconEntry(r.readUnsigned(), r.readBytes()));

    public BeaconEntry {
        data = Bytes.copy(data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BeaconEntry e && round == e.round && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(round) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BeaconEntry[round " + Long.toUnsignedString(round) + ", " + data.length + " bytes]";
    }
}
