package dev.granary.chain.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.multiformats.Blake2b;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TipSetTest {

    private final RandomChain random = new RandomChain(6_002);

    private List<BlockHeader> siblings(int count, long height, List<Cid> parents) {
        List<BlockHeader> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(random.header(height, parents, random.ticket()));
        }
        return blocks;
    }

    private static void assertRejected(String expectedText, Runnable build) {
        InvalidTipSetException e = assertThrows(InvalidTipSetException.class, build::run);
        assertTrue(e.getMessage().contains(expectedText), e.getMessage());
    }

    @Test
    void blocksAreOrderedByTicketDigestWhateverTheInputOrder() {
        List<Cid> parents = random.randomCids(2);
        List<BlockHeader> blocks = siblings(6, 10, parents);
        List<BlockHeader> expected = new ArrayList<>(blocks);
        // Independent of TipSet's comparator: lowercase hex sorts as unsigned bytes do.
        expected.sort(Comparator.comparing(b -> HexFormat.of().formatHex(Blake2b.sum256(b.ticket().vrfProof()))));

        for (int round = 0; round < 5; round++) {
            List<BlockHeader> shuffled = new ArrayList<>(blocks);
            Collections.shuffle(shuffled, random.random());
            TipSet tipSet = TipSet.of(shuffled);

            assertEquals(expected, tipSet.blocks());
            assertEquals(expected.stream().map(BlockHeader::cid).toList(), tipSet.key().cids());
            assertEquals(expected.getFirst().ticket(), tipSet.minTicket());
        }
    }

    @Test
    void equalTicketsAreOrderedByCidBytes() {
        List<Cid> parents = random.randomCids(1);
        Ticket shared = random.ticket();
        List<BlockHeader> blocks = List.of(random.header(3, parents, shared), random.header(3, parents, shared),
            random.header(3, parents, shared));
        List<BlockHeader> expected = new ArrayList<>(blocks);
        expected.sort((a, b) -> Arrays.compareUnsigned(a.cid().bytes(), b.cid().bytes()));

        assertEquals(expected, TipSet.of(blocks.reversed()).blocks());
        assertEquals(expected, TipSet.of(blocks).blocks());
    }

    @Test
    void heightParentsAndKeyComeFromTheBlocks() {
        List<Cid> parents = random.randomCids(3);
        TipSet tipSet = TipSet.of(siblings(2, 77, parents));

        assertEquals(77, tipSet.height());
        assertEquals(new TipSetKey(parents), tipSet.parents());
        assertFalse(tipSet.isGenesis());
        assertNotEquals(tipSet.key(), TipSet.of(siblings(2, 77, parents)).key());
    }

    @Test
    void blocksAtDifferentHeightsAreRejected() {
        List<Cid> parents = random.randomCids(1);
        BlockHeader a = random.header(5, parents, random.ticket());
        BlockHeader b = random.header(6, parents, random.ticket());

        assertRejected("heights 5 and 6", () -> TipSet.of(a, b));
    }

    @Test
    void blocksWithDifferentParentsAreRejected() {
        BlockHeader a = random.header(5, random.randomCids(1), random.ticket());
        BlockHeader b = random.header(5, random.randomCids(1), random.ticket());

        assertRejected("share their parents", () -> TipSet.of(a, b));
    }

    @Test
    void emptyAndDuplicateBlocksAreRejected() {
        BlockHeader a = random.header(5, random.randomCids(1), random.ticket());

        assertRejected("at least one block", () -> TipSet.of(List.of()));
        assertRejected("appears twice", () -> TipSet.of(a, a));
    }

    @Test
    void keyBytesAndTextRoundTrip() {
        TipSetKey key = new TipSetKey(random.randomCids(3));

        assertEquals(key, TipSetKey.fromBytes(key.bytes()));
        assertEquals(TipSetKey.EMPTY, TipSetKey.fromBytes(new byte[0]));
        assertEquals("{" + key.cids().get(0) + "," + key.cids().get(1) + "," + key.cids().get(2) + "}", key.toString());
        assertEquals(3 * key.cids().getFirst().bytes().length, key.bytes().length);
    }
}
