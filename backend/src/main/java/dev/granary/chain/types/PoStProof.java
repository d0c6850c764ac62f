package dev.granary.chain.types;

import dev.granary.cbor.CborCodec;
import java.util.Arrays;

/**
 * A proof of spacetime as blocks carry it (go-state-types proof.PoStProof): the tuple
 * [PoStProof registered-proof int64, ProofBytes bytes]. The registered proof is kept as its number
 * (e.g. 0 = StackedDrgWinning2KiBV1) so that proof types Granary does not know still round-trip.
 */
public record PoStProof(long registeredProof, byte[] proofBytes) {

    public static final CborCodec<PoStProof> CODEC = CborCodec.tuple("PoStProof", 2,
        (p, w) -> w.writeInt(p.registeredProof).writeBytes(p.proofBytes),
        r -> new PoStProof(r.readInt(), r.readBytes()));

    public PoStProof {
        proofBytes = Bytes.copy(proofBytes);
    }

    @Override
    public byte[] proofBytes() {
        return proofBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoStProof p && registeredProof == p.registeredProof && Arrays.equals(proofBytes, p.proofBytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(registeredProof) * 31 + Arrays.hashCode(proofBytes);
    }

    @Override
    public String toString() {
        return "PoStProof[" + registeredProof + ", " + proofBytes.length + " bytes]";
    }
}
