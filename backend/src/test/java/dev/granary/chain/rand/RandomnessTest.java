package dev.granary.chain.rand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.granary.chain.types.BeaconEntry;
import dev.granary.chain.types.RandomChain;
import dev.granary.chain.types.TipSet;
import dev.granary.multiformats.Blake2b;
import dev.granary.multiformats.Cid;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomnessTest {

    /** The formula written out independently: byte by byte, big-endian by shifting. */
    private static byte[] expected(byte[] rbase, long tag, long round, byte[] entropy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt64(out, tag);
        out.writeBytes(Blake2b.sum256(rbase));
        writeInt64(out, round);
        out.writeBytes(entropy);
        return Blake2b.sum256(out.toByteArray());
    }

    private static void writeInt64(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
    }

    @Test
    void tagsHaveTheNetworkNumbers() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L),
            Arrays.stream(DomainSeparationTag.values()).map(DomainSeparationTag::value).toList());
        assertEquals(5, DomainSeparationTag.SEAL_RANDOMNESS.value());
        assertEquals(6, DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED.value());
        assertEquals(3, DomainSeparationTag.WINNING_POST_CHALLENGE_SEED.value());
        assertEquals(4, DomainSeparationTag.WINDOWED_POST_CHALLENGE_SEED.value());
    }

    @Test
    void drawMatchesTheFormula() {
        byte[] rbase = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] entropy = {0x00, (byte) 0xe8, 0x07}; // the f01000 address bytes, as a miner's entropy
        byte[] drawn = Randomness.draw(rbase, DomainSeparationTag.SEAL_RANDOMNESS, 1234, entropy);

        assertArrayEquals(expected(rbase, 5, 1234, entropy), drawn);
        assertEquals(Randomness.LENGTH, drawn.length);
    }

    @Test
    void negativeRoundsAndEmptyEntropyFollowTheFormula() {
        byte[] rbase = {7};
        assertArrayEquals(expected(rbase, 4, -1, new byte[0]),
            Randomness.draw(rbase, DomainSeparationTag.WINDOWED_POST_CHALLENGE_SEED, -1, null));
    }

    @Test
    void tagRoundAndEntropyEachChangeTheValue() {
        byte[] rbase = {1, 2, 3};
        byte[] base = Randomness.draw(rbase, DomainSeparationTag.SEAL_RANDOMNESS, 10, new byte[] {1});

        assertFalse(Arrays.equals(base, Randomness.draw(rbase, DomainSeparationTag.INTERACTIVE_SEAL_CHALLENGE_SEED, 10, new byte[] {1})));
        assertFalse(Arrays.equals(base, Randomness.draw(rbase, DomainSeparationTag.SEAL_RANDOMNESS, 11, new byte[] {1})));
        assertFalse(Arrays.equals(base, Randomness.draw(rbase, DomainSeparationTag.SEAL_RANDOMNESS, 10, new byte[] {2})));
    }

    @Test
    void ticketAndBeaconRandomnessDrawFromTheirBases() {
        RandomChain random = new RandomChain(6_200);
        List<Cid> parents = List.of(random.cid());
        TipSet tipSet = TipSet.of(random.header(9, parents, random.ticket()), random.header(9, parents, random.ticket()));
        BeaconEntry entry = new BeaconEntry(77, random.bytes(96));

        assertArrayEquals(expected(tipSet.minTicket().vrfProof(), 2, 9, new byte[] {1}),
            Randomness.fromTickets(tipSet, DomainSeparationTag.ELECTION_PROOF_PRODUCTION, 9, new byte[] {1}));
        assertArrayEquals(expected(entry.data(), 3, 9, new byte[0]),
            Randomness.fromBeacon(entry, DomainSeparationTag.WINNING_POST_CHALLENGE_SEED, 9, new byte[0]));
    }
}
