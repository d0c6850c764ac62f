package dev.granary.chain.types;

import dev.granary.cbor.CborCodec;
import dev.granary.multiformats.Blake2b;
import java.util.Arrays;

/**
 * A block's ticket (Lotus types.Ticket): the VRF output of the producing miner over the parent's
 * ticket. Encoded as a one-field tuple [VRFProof bytes]. Tipsets order their blocks by the
 * blake2b-256 digest of this proof, so {@link #digest()} is what comparisons use.
 */
public record Ticket(byte[] vrfProof) {

    public static final CborCodec<Ticket> CODEC = CborCodec.tuple("Ticket", 1,
        (t, w) -> w.writeBytes(t.vrfProof),
        r -> new Ticket(r.readBytes()));

    public Ticket {
        vrfProof = Bytes.copy(vrfProof);
    }

    @Override
    public byte[] vrfProof() {
        return vrfProof.clone();
    }

    /** blake2b-256 of the proof: the key Lotus' Ticket.Less compares. */
    public byte[] digest() {
        return Blake2b.sum256(vrfProof);
    }

    /** Lotus' Ticket.Less: unsigned lexicographic order of the digests. */
    public int compareByDigest(Ticket other) {
        return Arrays.compareUnsigned(digest(), other.digest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticket t && Arrays.equals(vrfProof, t.vrfProof);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vrfProof);
    }

    @Override
    public String toString() {
        return "Ticket[" + Bytes.hex(vrfProof) + "]";
    }
}
