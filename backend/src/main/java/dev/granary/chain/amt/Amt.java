package dev.granary.chain.amt;

import dev.granary.cbor.CborCodec;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Arrays as Lotus stores a block's message lists and a tipset's receipts: go-amt-ipld v2 (through
 * specs-actors v0's {@code adt.Array}), width 8, every block dag-cbor with a CIDv1 blake2b-256.
 *
 * <ul>
 * <li>root: {@code [height, count, node]}; node: {@code [bitmap (1 byte), [links], [values]]};</li>
 * <li>a node at height {@code h} covers {@code 8^(h+1)} indexes, 8 slots of {@code 8^h} each; leaves
 * (height 0) hold values, inner nodes hold links to non-empty children only;</li>
 * <li>the height is the smallest whose root covers the largest index, at most 20 (indexes up to
 * 2^63 − 1).</li>
 * </ul>
 * The same entries always give the same root. Reading is strict: any node that breaks the shape, a
 * count that disagrees with the values found, or a missing block is an {@link AmtException} naming
 * the block.
 */
public final class Amt {

    public static final int WIDTH_BITS = 3;
    public static final int WIDTH = 1 << WIDTH_BITS;
    public static final int MAX_HEIGHT = 20;
    public static final long MAX_INDEX = Long.MAX_VALUE;

    /** The empty array, {@code [0, 0, [h'00', [], []]]}: bafy2bzacedswlcz5ddgqnyo3sak3jmhmkxashisnlpq6ujgyhe4mlobzpnhs6. */
    public static final Cid EMPTY_ROOT = cidOf(new AmtRoot(0, 0, AmtNode.EMPTY).encode());

    private Amt() {
    }

    /** Stores the array {@code values[0..n)} (each one encoded dag-cbor item) and returns its root. */
    public static Cid build(BlockSink sink, List<byte[]> values) {
        SortedMap<Long, byte[]> entries = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            entries.put((long) i, values.get(i));
        }
        return AmtBuilder.build(sink, entries);
    }

    /** Encodes each value with {@code codec} and stores the array. */
    public static <T> Cid build(BlockSink sink, List<T> values, CborCodec<T> codec) {
        return build(sink, values.stream().map(codec::encode).toList());
    }

    /** Stores an array with gaps: only the given indexes are set. */
    public static Cid buildSparse(BlockSink sink, SortedMap<Long, byte[]> entries) {
        return AmtBuilder.build(sink, entries);
    }

    /**
     * The values of an array without gaps, in index order. An array with a gap is refused: Lotus'
     * message lists and receipts never have one, and a list would hide where it was.
     */
    public static List<byte[]> read(BlockSource source, Cid root) {
        List<byte[]> values = new ArrayList<>();
        new AmtReader(source, root).forEachEntry((index, value) -> {
            if (index != values.size()) {
                throw new AmtException("AMT " + root + " has no value at index " + values.size() + " but one at "
                    + index + "; read it with readSparse if gaps are expected");
            }
            values.add(value);
        });
        return values;
    }

    /** {@link #read(BlockSource, Cid)}, each value decoded with {@code codec}. */
    public static <T> List<T> read(BlockSource source, Cid root, CborCodec<T> codec) {
        List<byte[]> values = read(source, root);
        List<T> decoded = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            decoded.add(decode(root, i, values.get(i), codec));
        }
        return decoded;
    }

    /** Every entry of an array that may have gaps, by index. */
    public static SortedMap<Long, byte[]> readSparse(BlockSource source, Cid root) {
        SortedMap<Long, byte[]> entries = new TreeMap<>();
        new AmtReader(source, root).forEachEntry(entries::put);
        return entries;
    }

    /** The value at {@code index}, loading only the nodes on its path; empty when unset. */
    public static Optional<byte[]> get(BlockSource source, Cid root, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("AMT index " + index + " is outside 0.." + MAX_INDEX);
        }
        return new AmtReader(source, root).get(index);
    }

    /** {@link #get(BlockSource, Cid, long)}, decoded with {@code codec}. */
    public static <T> Optional<T> get(BlockSource source, Cid root, long index, CborCodec<T> codec) {
        return get(source, root, index).map(value -> decode(root, index, value, codec));
    }

    /** The number of values the root declares (Lotus' {@code Array.Length}). */
    public static long count(BlockSource source, Cid root) {
        return new AmtReader(source, root).loadRoot().count();
    }

    /** Every block of the array, the root first and each node before those under it (CAR order). */
    public static void forEachBlock(BlockSource source, Cid root, BiConsumer<Cid, byte[]> visitor) {
        new AmtReader(source, root).forEachBlock(visitor);
    }

    static Cid cidOf(byte[] block) {
        return Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, block);
    }

    /** How many indexes a node at {@code height} gives each of its 8 slots: 8^height. */
    static long nodesForHeight(int height) {
        return 1L << (WIDTH_BITS * height);
    }

    /** Whether a root of {@code height}, covering 8^(height+1) indexes, reaches {@code index}. */
    static boolean covers(int height, long index) {
        // 8^21 = 2^63 is one past the largest long: the top height covers every index.
        return height >= MAX_HEIGHT || index < nodesForHeight(height + 1);
    }

    /** The smallest height whose root covers {@code maxIndex}. */
    static int heightFor(long maxIndex) {
        int height = 0;
        while (!covers(height, maxIndex)) {
            height++;
        }
        return height;
    }

    private static <T> T decode(Cid root, long index, byte[] value, CborCodec<T> codec) {
        try {
            return codec.decode(value);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new AmtException("value " + index + " of AMT " + root + " is not what was expected: " + e.getMessage(), e);
        }
    }
}
