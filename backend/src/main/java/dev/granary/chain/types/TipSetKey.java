package dev.granary.chain.types;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.FormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The identity of a tipset (Lotus types.TipSetKey): the CIDs of its blocks in the tipset's canonical
 * order. Its bytes are the block CIDs' binary forms concatenated (what Lotus keys and hashes); its
 * text is "{cid1,cid2}" as Lotus prints it. The order is significant: two keys with the same CIDs in
 * another order are different keys, because only the canonical order ever names a tipset.
 */
public record TipSetKey(List<Cid> cids) {

    public static final TipSetKey EMPTY = new TipSetKey(List.of());

    public TipSetKey {
        cids = List.copyOf(cids);
    }

    public static TipSetKey of(Cid... cids) {
        return new TipSetKey(List.of(cids));
    }

    /** The CIDs' binary forms concatenated. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(cids.size() * 40);
        for (Cid cid : cids) {
            out.writeBytes(cid.bytes());
        }
        return out.toByteArray();
    }

    /** Decodes {@link #bytes()}; anything but whole CIDs back to back is a {@link FormatException}. */
    public static TipSetKey fromBytes(byte[] bytes) {
        List<Cid> cids = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            Cid.Decoded decoded = Cid.decode(bytes, offset);
            cids.add(decoded.cid());
            offset += decoded.length();
        }
        return new TipSetKey(cids);
    }

    public boolean isEmpty() {
        return cids.isEmpty();
    }

    @Override
    public String toString() {
        return cids.stream().map(Cid::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
