package dev.granary.chain.amt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.cbor.CborValue;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Roots that Lotus and go-amt-ipld v2 produce. The empty root is the ParentMessageReceipts of every
 * block whose parent had no messages (Lotus' genesis logs it as "Empty Genesis root"). The others are
 * Forest's go-amt-ipld v2 interop vectors (ChainSafe/forest ipld/amt/tests/amt_tests.rs, from
 * 2561c51c "Amt refactor and interop tests" until the v3 switch in 931de226), whose values are
 * dag-cbor text strings.
 */
class AmtVectorsTest {

    private static byte[] text(String value) {
        return CborValue.of(value).encode();
    }

    private static SortedMap<Long, byte[]> same(String value, List<Long> indexes) {
        SortedMap<Long, byte[]> entries = new TreeMap<>();
        indexes.forEach(i -> entries.put(i, text(value)));
        return entries;
    }

    @Test
    void theEmptyArrayIsLotusEmptyRoot() {
        MemoryBlocks blocks = new MemoryBlocks();

        Cid root = Amt.build(blocks, List.of());

        assertEquals(Cid.parse("bafy2bzacedswlcz5ddgqnyo3sak3jmhmkxashisnlpq6ujgyhe4mlobzpnhs6"), root);
        assertEquals(Amt.EMPTY_ROOT, root);
        assertArrayEquals(HexFormat.of().parseHex("8300008341008080"), blocks.get(root).orElseThrow());
        assertEquals(List.of(), Amt.read(blocks, root));
        assertEquals(0, Amt.count(blocks, root));
    }

    static Stream<Arguments> forestInteropVectors() {
        List<Long> everyThird = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            if ((i + 1) % 3 == 0) {
                everyThird.add(i);
            }
        }
        SortedMap<Long, byte[]> expand = new TreeMap<>(Map.of(2L, text("foo"), 11L, text("bar"), 79L, text("baz")));
        return Stream.of(
            Arguments.of("basic_get_set", same("foo", List.of(2L)),
                "bafy2bzacea4z4wxtdoo6ikgqkoe4gm364xhdtreycvfy5txvprpbtunx5jnwy"),
            Arguments.of("expand", expand, "bafy2bzaced25ah2r4gcerysjyrjqpqw72jvdy5ziwxk53ldxibktwmgkfgc22"),
            Arguments.of("delete", same("dog", List.of(24L)),
                "bafy2bzacedtq64mekzyjshwa3kxyt4kt5volln6acoavl4p7dexzczefwj7uw"),
            Arguments.of("delete_first_entry", same("cat", List.of(0L)),
                "bafy2bzacec4rpjwfkzp4n2wj233774cnhk5o2d7pub2gso2g3isdfxnxuhbr2"),
            Arguments.of("delete_reduce_height", same("thing", List.of(1L)),
                "bafy2bzaceccdkhc6fuhybskfl4hoydekua2su2vz45molwmy3ah36pnsmntvc"),
            Arguments.of("for_each_mutate", same("value", List.of(1L, 9L, 66L, 74L, 82L, 515L)),
                "bafy2bzacecipze2lcvpcrcqy4nyqs4p2sinbytflyyuytge5lc6uz632bj6fu"),
            Arguments.of("out_of_range (index 2^63-1, height 20)", same("what is up", List.of(Amt.MAX_INDEX)),
                "bafy2bzacedozbiofn5fnrtfzy3tk5k7inyp5ncusdtb6xyl5z4rstdgqbad7g"),
            Arguments.of("for_each (every third of 10000)", same("value", everyThird),
                "bafy2bzaceccb5cgeysdu6ferucawc6twfedv5gc3iqgh2ko7o7e25r5ucpf4u"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forestInteropVectors")
    void sparseArraysGetGoAmtIpldV2Roots(String name, SortedMap<Long, byte[]> entries, String expected) {
        MemoryBlocks blocks = new MemoryBlocks();

        Cid root = Amt.buildSparse(blocks, entries);

        assertEquals(Cid.parse(expected), root);
        SortedMap<Long, byte[]> back = Amt.readSparse(blocks, root);
        assertEquals(entries.keySet(), back.keySet());
        entries.forEach((index, value) -> {
            assertArrayEquals(value, back.get(index));
            assertArrayEquals(value, Amt.get(blocks, root, index).orElseThrow());
        });
    }

    @Test
    void fiveThousandValuesGetTheBulkInsertRoot() {
        MemoryBlocks blocks = new MemoryBlocks();
        List<byte[]> values = Collections.nCopies(5000, text("foo foo bar"));

        Cid root = Amt.build(blocks, values);

        assertEquals(Cid.parse("bafy2bzacedjhcq7542wu7ike4i4srgq7hwxxc5pmw5sub4secqk33mugl4zda"), root);
        assertEquals(5000, Amt.read(blocks, root).size());
        assertEquals(4, AmtRoot.decode(root, blocks.get(root).orElseThrow()).height());
    }

    @Test
    void aRootLeftTallByGoDeletesReadsAsEmpty() {
        // go-amt-ipld v2 keeps the height after deleting the last value: [5, 0, [h'00', [], []]].
        MemoryBlocks blocks = new MemoryBlocks();
        byte[] tallEmpty = HexFormat.of().parseHex("8305008341008080");
        Cid root = Amt.cidOf(tallEmpty);
        blocks.put(root, tallEmpty);

        assertEquals(Cid.parse("bafy2bzacec3ltjhtro3i4usbev24phgv6hb4fbfdaa2lxid4uod3zw4v3uce6"), root);
        assertEquals(List.of(), Amt.read(blocks, root));
        assertTrue(Amt.get(blocks, root, 100_000).isEmpty());
    }
}
