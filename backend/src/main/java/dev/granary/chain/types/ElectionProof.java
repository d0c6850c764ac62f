package dev.granary.chain.types;

import dev.granary.cbor.CborCodec;
import java.util.Arrays;

/**
 * Proof that a miner won the election for an epoch (Lotus types.ElectionProof): the tuple
 * [WinCount int64, VRFProof bytes]. WinCount is how many of the expected leaders this block counts as.
 */
public record ElectionProof(long winCount, byte[] vrfProof) {

    public static final CborCodec<ElectionProof> CODEC = CborCodec.tuple("ElectionProof", 2,
        (p, w) -> w.writeInt(p.winCount).writeBytes(p.vrfProof),
        r -> new ElectionProof(r.readInt(), r.readBytes()));

    public ElectionProof {
        vrfProof = Bytes.copy(vrfProof);
    }

    @Override
    public byte[] vrfProof() {
        return vrfProof.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElectionProof p && winCount == p.winCount && Arrays.equals(vrfProof, p.vrfProof);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(winCount) * 31 + Arrays.hashCode(vrfProof);
    }

    @Override
    public String toString() {
        return "ElectionProof[winCount " + winCount + ", " + Bytes.hex(vrfProof) + "]";
    }
}
