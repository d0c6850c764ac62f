package dev.granary.chain.amt;

import dev.granary.cbor.CborException;
import dev.granary.cbor.CborValue;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Builds the one tree go-amt-ipld v2 ends up with for a set of entries, bottom-up: the root's height
 * is the smallest that covers the largest index, and every node holds only used slots. Go reaches
 * the same shape by Set calls in any order (it grows the root by pushing the old top node down as
 * slot 0 of a new one), so the CIDs agree.
 */
final class AmtBuilder {

    private final BlockSink sink;
    private final long[] indexes;
    private final byte[][] values;

    private AmtBuilder(BlockSink sink, SortedMap<Long, byte[]> entries) {
        this.sink = sink;
        this.indexes = new long[entries.size()];
        this.values = new byte[entries.size()][];
        int i = 0;
        for (Map.Entry<Long, byte[]> entry : entries.entrySet()) {
            indexes[i] = requireIndex(entry.getKey());
            values[i] = requireItem(entry.getKey(), entry.getValue());
            i++;
        }
    }

    static Cid build(BlockSink sink, SortedMap<Long, byte[]> entries) {
        return new AmtBuilder(sink, entries).buildRoot();
    }

    private Cid buildRoot() {
        int height = indexes.length == 0 ? 0 : Amt.heightFor(indexes[indexes.length - 1]);
        AmtNode top = node(height, 0, 0, indexes.length);
        return store(new AmtRoot(height, indexes.length, top).encode());
    }

    /** The node at {@code height} covering indexes from {@code offset}, holding entries [from, to). */
    private AmtNode node(int height, long offset, int from, int to) {
        int bitmap = 0;
        if (height == 0) {
            List<byte[]> leafValues = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                bitmap |= 1 << (int) (indexes[i] - offset);
                leafValues.add(values[i]);
            }
            return new AmtNode(bitmap, List.of(), leafValues);
        }
        long span = Amt.nodesForHeight(height);
        List<Cid> links = new ArrayList<>(Amt.WIDTH);
        int start = from;
        while (start < to) {
            int slot = (int) ((indexes[start] - offset) / span);
            long childOffset = offset + slot * span;
            int end = start;
            while (end < to && indexes[end] - childOffset < span) {
                end++;
            }
            links.add(store(node(height - 1, childOffset, start, end).encode()));
            bitmap |= 1 << slot;
            start = end;
        }
        return new AmtNode(bitmap, links, List.of());
    }

    private Cid store(byte[] block) {
        Cid cid = Amt.cidOf(block);
        sink.put(cid, block);
        return cid;
    }

    private static long requireIndex(Long index) {
        if (index == null || index < 0) {
            throw new IllegalArgumentException("AMT index " + index + " is outside 0.." + Amt.MAX_INDEX);
        }
        return index;
    }

    /** Each value must be exactly one dag-cbor item: the node splices it in as one. */
    private static byte[] requireItem(long index, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("AMT value at index " + index + " is null; encode it as dag-cbor first");
        }
        try {
            CborValue.decode(value);
        } catch (CborException | IllegalStateException e) {
            throw new IllegalArgumentException("AMT value at index " + index + " is not one dag-cbor item: "
                + e.getMessage(), e);
        }
        return value.clone();
    }
}
