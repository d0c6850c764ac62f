package dev.granary.chain.amt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.cbor.CborCodecs;
import dev.granary.cbor.CborValue;
import dev.granary.cbor.CborWriter;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.multiformats.Cid;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Blocks that break go-amt-ipld v2's shape are refused with the block and the rule named. */
class AmtStrictReadingTest {

    private final MemoryBlocks blocks = new MemoryBlocks();

    private Cid store(Consumer<CborWriter> writer) {
        CborWriter out = new CborWriter();
        writer.accept(out);
        byte[] bytes = out.toByteArray();
        Cid cid = Amt.cidOf(bytes);
        blocks.put(cid, bytes);
        return cid;
    }

    private static void node(CborWriter out, int bitmap, List<Cid> links, List<String> values) {
        out.writeArrayHeader(3).writeBytes(new byte[] {(byte) bitmap}).writeArrayHeader(links.size());
        links.forEach(out::writeCid);
        out.writeArrayHeader(values.size());
        values.forEach(out::writeText);
    }

    private Cid root(int height, long count, int bitmap, List<Cid> links, List<String> values) {
        return store(out -> {
            out.writeArrayHeader(3).writeUnsigned(height).writeUnsigned(count);
            node(out, bitmap, links, values);
        });
    }

    private AmtException refused(Cid root) {
        return assertThrows(AmtException.class, () -> Amt.read(blocks, root));
    }

    @Test
    void aV3RootWithABitWidthIsNotAV2Root() {
        Cid root = store(out -> {
            out.writeArrayHeader(4).writeUnsigned(3).writeUnsigned(0).writeUnsigned(0);
            node(out, 0, List.of(), List.of());
        });

        AmtException e = refused(root);

        assertTrue(e.getMessage().contains("decoding AMT root " + root), e.getMessage());
        assertTrue(e.getMessage().contains("[height, count, node]"), e.getMessage());
    }

    @Test
    void aHeightAboveTwentyIsRefused() {
        assertTrue(refused(root(21, 0, 0, List.of(), List.of())).getMessage().contains("above the maximum 20"));
    }

    @Test
    void theBitmapIsExactlyOneByte() {
        Cid root = store(out -> out.writeArrayHeader(3).writeUnsigned(0).writeUnsigned(0)
            .writeArrayHeader(3).writeBytes(new byte[] {1, 0}).writeArrayHeader(0).writeArrayHeader(0));

        assertTrue(refused(root).getMessage().contains("bitmap is 1 byte"));
    }

    @Test
    void aLeafHoldsOneValuePerBitmapBitAndNoLinks() {
        assertTrue(refused(root(0, 1, 0b11, List.of(), List.of("a"))).getMessage().contains("one value per bitmap bit"));
        Cid leaf = root(0, 1, 1, List.of(), List.of("a"));
        assertTrue(refused(root(0, 1, 1, List.of(leaf), List.of("a"))).getMessage().contains("no links"));
    }

    @Test
    void anInnerNodeHoldsLinksOnly() {
        Cid leaf = store(out -> node(out, 1, List.of(), List.of("a")));

        AmtException e = refused(root(1, 1, 1, List.of(leaf), List.of("a")));

        assertTrue(e.getMessage().contains("inner AMT node (height 1)"), e.getMessage());
    }

    @Test
    void theCountMustBeTheNumberOfValues() {
        AmtException e = refused(root(0, 3, 0b11, List.of(), List.of("a", "b")));

        assertTrue(e.getMessage().contains("declares 3 values but holds 2"), e.getMessage());
    }

    @Test
    void onlyTheRootNodeMayBeEmpty() {
        Cid empty = store(out -> node(out, 0, List.of(), List.of()));

        AmtException e = refused(root(1, 0, 1, List.of(empty), List.of()));

        assertTrue(e.getMessage().contains("node " + empty) && e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void aMissingNodeNamesItself() {
        Cid absent = Amt.cidOf(new byte[] {(byte) 0x80});
        Cid root = root(1, 1, 1, List.of(absent), List.of());

        AmtBlockMissingException e = assertThrows(AmtBlockMissingException.class, () -> Amt.read(blocks, root));

        assertEquals(absent, e.cid());
        assertTrue(e.getMessage().contains("node " + absent + " of AMT " + root + " is missing"), e.getMessage());
        assertThrows(AmtBlockMissingException.class, () -> Amt.read(new MemoryBlocks(), root));
    }

    @Test
    void bytesAfterTheRootAreRefused() {
        byte[] padded = {(byte) 0x83, 0, 0, (byte) 0x83, 0x41, 0, (byte) 0x80, (byte) 0x80, 0};
        Cid root = Amt.cidOf(padded);
        blocks.put(root, padded);

        assertTrue(refused(root).getMessage().contains("trailing"));
    }

    @Test
    void aDenseReadRefusesAGapAndNamesIt() {
        Cid root = Amt.buildSparse(blocks, new TreeMap<>(Map.of(0L, CborValue.of(1).encode(), 2L, CborValue.of(3).encode())));

        AmtException e = refused(root);

        assertTrue(e.getMessage().contains("no value at index 1 but one at 2"), e.getMessage());
        assertEquals(2, Amt.readSparse(blocks, root).size());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsIndex() {
        Cid root = Amt.build(blocks, List.of(Amt.EMPTY_ROOT), CborCodecs.CID);

        AmtException e = assertThrows(AmtException.class, () -> Amt.read(blocks, root, MessageReceipt.CODEC));

        assertTrue(e.getMessage().contains("value 0 of AMT " + root), e.getMessage());
    }

    @Test
    void buildingRefusesValuesThatAreNotOneDagCborItem() {
        byte[] unfinishedArray = {(byte) 0x82, 1};
        byte[] twoItems = {1, 2};

        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
            () -> Amt.build(blocks, List.of(CborValue.of(1).encode(), unfinishedArray)));
        assertThrows(IllegalArgumentException.class, () -> Amt.build(blocks, List.of(twoItems)));
        assertThrows(IllegalArgumentException.class,
            () -> Amt.buildSparse(blocks, new TreeMap<>(Map.of(-1L, CborValue.of(1).encode()))));

        assertTrue(first.getMessage().contains("index 1"), first.getMessage());
    }
}
