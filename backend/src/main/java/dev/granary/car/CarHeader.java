package dev.granary.car;

import java.util.List;

import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborWriter;
import dev.granary.multiformats.Cid;

/**
 * A CARv1 header, the dag-cbor map {@code {roots: [CID...], version: 1}}. {@link #version()} is the
 * version of the file as read: 2 when the v1 payload came from inside a CARv2 wrapper.
 */
public record CarHeader(List<Cid> roots, int version) {

    static final String ROOTS = "roots";
    static final String VERSION = "version";

    public CarHeader {
        roots = List.copyOf(roots);
    }

    /** Canonical dag-cbor of a CARv1 header: keys in dag-cbor order ("roots" is shorter than "version"). */
    static byte[] encodeV1(List<Cid> roots) {
        CborWriter out = new CborWriter();
        out.writeMapHeader(2).writeText(ROOTS).writeArrayHeader(roots.size());
        roots.forEach(out::writeCid);
        out.writeText(VERSION).writeInt(1);
        return out.toByteArray();
    }

    /** The fields of a header map as read; roots is null when absent (a CARv2 pragma has none). */
    record Fields(List<Cid> roots, long version) {
    }

    /** Decodes the header map strictly: only "roots" and "version", version required. */
    static final CborCodec<Fields> FIELDS = CborCodec.of(
            (f, w) -> {
                throw new UnsupportedOperationException("headers are written by encodeV1");
            },
            CarHeader::readFields);

    private static Fields readFields(CborReader in) {
        int entries = in.readMapHeader();
        List<Cid> roots = null;
        Long version = null;
        for (int i = 0; i < entries; i++) {
            int keyAt = in.position();
            String key = in.readText();
            switch (key) {
                case ROOTS -> roots = readRoots(in);
                case VERSION -> version = in.readUnsigned();
                default -> throw new dev.granary.cbor.CborException(keyAt, "unknown CAR header field '" + key + "'");
            }
        }
        if (version == null) {
            throw new dev.granary.cbor.CborException(0, "CAR header has no version");
        }
        return new Fields(roots, version);
    }

    private static List<Cid> readRoots(CborReader in) {
        int count = in.readArrayHeader();
        Cid[] roots = new Cid[count];
        for (int i = 0; i < count; i++) {
            roots[i] = in.readCid();
        }
        return List.of(roots);
    }
}
