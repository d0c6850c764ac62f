package dev.granary.car;

import java.util.Arrays;

import dev.granary.multiformats.Cid;

/** One section of a CAR: a block's CID and its bytes, with where the section starts in the file. */
public record CarBlock(Cid cid, byte[] data, long offset) {

    public CarBlock {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CarBlock b && b.cid.equals(cid) && Arrays.equals(b.data, data) && b.offset == offset;
    }

    @Override
    public int hashCode() {
        return cid.hashCode() * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "CarBlock[" + cid + ", " + data.length + " bytes at " + offset + "]";
    }
}
