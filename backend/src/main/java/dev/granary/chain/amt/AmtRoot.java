package dev.granary.chain.amt;

import dev.granary.cbor.CborException;
import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborWriter;
import dev.granary.multiformats.Cid;

/**
 * The root block of a go-amt-ipld v2 array: {@code [height, count, node]}, the top node inline. No
 * bit width is stored (v3 and later add one as a fourth field): v2's width is always 8.
 */
record AmtRoot(int height, long count, AmtNode node) {

    byte[] encode() {
        CborWriter out = new CborWriter();
        out.writeArrayHeader(3).writeUnsigned(height).writeUnsigned(count);
        node.writeTo(out);
        return out.toByteArray();
    }

    static AmtRoot decode(Cid cid, byte[] bytes) {
        try {
            CborReader in = new CborReader(bytes);
            int fields = in.readArrayHeader();
            if (fields != 3) {
                throw new AmtException("a v2 AMT root is [height, count, node], found an array of " + fields + " items");
            }
            long height = in.readUnsigned();
            if (height < 0 || height > Amt.MAX_HEIGHT) {
                throw new AmtException("height " + Long.toUnsignedString(height) + " is above the maximum "
                    + Amt.MAX_HEIGHT);
            }
            long count = in.readUnsigned();
            AmtNode node = AmtNode.read(in, bytes, (int) height);
            in.finish();
            return new AmtRoot((int) height, count, node);
        } catch (AmtException | CborException | IllegalStateException e) {
            throw new AmtException("decoding AMT root " + cid + ": " + e.getMessage(), e);
        }
    }
}
