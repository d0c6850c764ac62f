package dev.granary.chain.rand;

import dev.granary.chain.types.BeaconEntry;
import dev.granary.chain.types.TipSet;
import dev.granary.multiformats.Blake2b;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Filecoin's DrawRandomness (Lotus chain/rand DrawRandomnessFromBase):
 * blake2b-256(tag as int64 big-endian || blake2b-256(rbase) || round as int64 big-endian || entropy).
 * The base is a ticket's VRF proof for chain randomness and a beacon entry's data for beacon
 * randomness; the entropy is caller data such as the miner's address bytes.
 */
public final class Randomness {

    public static final int LENGTH = 32;

    private Randomness() {
    }

    public static byte[] draw(byte[] rbase, DomainSeparationTag tag, long round, byte[] entropy) {
        Objects.requireNonNull(rbase, "rbase");
        Objects.requireNonNull(tag, "tag");
        byte[] extra = entropy == null ? new byte[0] : entropy;
        ByteBuffer input = ByteBuffer.allocate(Long.BYTES + LENGTH + Long.BYTES + extra.length);
        input.putLong(tag.value()).put(Blake2b.sum256(rbase)).putLong(round).put(extra);
        return Blake2b.sum256(input.array());
    }

    /** Chain randomness drawn from a tipset's smallest ticket (the base Lotus uses for tickets and seals). */
    public static byte[] fromTickets(TipSet tipSet, DomainSeparationTag tag, long round, byte[] entropy) {
        if (tipSet.minTicket() == null) {
            throw new IllegalArgumentException("tipset " + tipSet.key() + " has no ticket to draw chain randomness from;"
                + " draw from a tipset produced with tickets");
        }
        return draw(tipSet.minTicket().vrfProof(), tag, round, entropy);
    }

    /** Beacon randomness drawn from a beacon entry's signature data. */
    public static byte[] fromBeacon(BeaconEntry entry, DomainSeparationTag tag, long round, byte[] entropy) {
        return draw(entry.data(), tag, round, entropy);
    }
}
