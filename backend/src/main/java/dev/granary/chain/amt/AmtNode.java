package dev.granary.chain.amt;

import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborValue;
import dev.granary.cbor.CborWriter;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One node of a go-amt-ipld v2 array: {@code [bitmap, links, values]} where the bitmap is a one-byte
 * byte string whose bit {@code i} (least significant first) says slot {@code i} of the 8 is used.
 * Inner nodes list one link per used slot and no values; leaves list one value per used slot and
 * no links. Values are whole dag-cbor items, kept as their encoded bytes.
 */
record AmtNode(int bitmap, List<Cid> links, List<byte[]> values) {

    static final AmtNode EMPTY = new AmtNode(0, List.of(), List.of());

    AmtNode {
        links = List.copyOf(links);
        values = List.copyOf(values);
    }

    boolean isEmpty() {
        return bitmap == 0;
    }

    boolean has(int slot) {
        return (bitmap & (1 << slot)) != 0;
    }

    /** Where slot {@code slot}'s link or value sits in the packed list: the used slots before it. */
    int position(int slot) {
        return Integer.bitCount(bitmap & ((1 << slot) - 1));
    }

    void writeTo(CborWriter out) {
        out.writeArrayHeader(3).writeBytes(new byte[] {(byte) bitmap});
        out.writeArrayHeader(links.size());
        links.forEach(out::writeCid);
        out.writeArrayHeader(values.size());
        // Going through CborValue writes each value canonically, whatever produced its bytes.
        values.forEach(value -> CborValue.CODEC.encode(CborValue.decode(value), out));
    }

    byte[] encode() {
        CborWriter out = new CborWriter();
        writeTo(out);
        return out.toByteArray();
    }

    /**
     * Reads a node from {@code in}, which reads {@code document}; values are cut out of the document
     * as they were stored. Checks the v2 shape for a node {@code height} levels above the leaves.
     */
    static AmtNode read(CborReader in, byte[] document, int height) {
        int fields = in.readArrayHeader();
        if (fields != 3) {
            throw new AmtException("an AMT node is [bitmap, links, values], found an array of " + fields + " items");
        }
        byte[] bitmap = in.readBytes();
        if (bitmap.length != 1) {
            throw new AmtException("an AMT node's bitmap is 1 byte (width 8), found " + bitmap.length);
        }
        List<Cid> links = readLinks(in);
        List<byte[]> values = readValues(in, document);
        AmtNode node = new AmtNode(bitmap[0] & 0xff, links, values);
        node.requireShape(height);
        return node;
    }

    private static List<Cid> readLinks(CborReader in) {
        int count = in.readArrayHeader();
        List<Cid> links = new ArrayList<>(Math.min(count, 8));
        for (int i = 0; i < count; i++) {
            links.add(in.readCid());
        }
        return links;
    }

    private static List<byte[]> readValues(CborReader in, byte[] document) {
        int count = in.readArrayHeader();
        List<byte[]> values = new ArrayList<>(Math.min(count, 8));
        for (int i = 0; i < count; i++) {
            int start = in.position();
            in.skip();
            values.add(Arrays.copyOfRange(document, start, in.position()));
        }
        return values;
    }

    private void requireShape(int height) {
        int used = Integer.bitCount(bitmap);
        if (height > 0) {
            if (!values.isEmpty() || links.size() != used) {
                throw new AmtException("an inner AMT node (height " + height + ") has one link per bitmap bit and no "
                    + "values; this one has bitmap " + bitmapText() + ", " + links.size() + " links and "
                    + values.size() + " values");
            }
        } else if (!links.isEmpty() || values.size() != used) {
            throw new AmtException("an AMT leaf has one value per bitmap bit and no links; this one has bitmap "
                + bitmapText() + ", " + links.size() + " links and " + values.size() + " values");
        }
    }

    private String bitmapText() {
        return String.format("%8s", Integer.toBinaryString(bitmap)).replace(' ', '0');
    }
}
