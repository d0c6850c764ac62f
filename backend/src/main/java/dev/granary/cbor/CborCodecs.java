package dev.granary.cbor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.granary.multiformats.Cid;

/** Codecs for single values and the combinators struct codecs are built from. */
public final class CborCodecs {

    /** Go's uint64, carried in a long's 64 bits. */
    public static final CborCodec<Long> UNSIGNED = CborCodec.of((v, w) -> w.writeUnsigned(v), CborReader::readUnsigned);
    /** Go's int64. */
    public static final CborCodec<Long> INT = CborCodec.of((v, w) -> w.writeInt(v), CborReader::readInt);
    public static final CborCodec<byte[]> BYTES = CborCodec.of((v, w) -> w.writeBytes(v), CborReader::readBytes);
    public static final CborCodec<String> TEXT = CborCodec.of((v, w) -> w.writeText(v), CborReader::readText);
    public static final CborCodec<Boolean> BOOLEAN = CborCodec.of((v, w) -> w.writeBoolean(v), CborReader::readBoolean);
    public static final CborCodec<Cid> CID = CborCodec.of((v, w) -> w.writeCid(v), CborReader::readCid);

    private CborCodecs() {
    }

    /** A list as an array of its elements; the decoded list is unmodifiable. */
    public static <T> CborCodec<List<T>> listOf(CborCodec<T> element) {
        return CborCodec.of((list, w) -> {
            w.writeArrayHeader(list.size());
            for (T item : list) {
                element.encode(item, w);
            }
        }, r -> {
            int length = r.readArrayHeader();
            // The length was checked against the remaining input; still grow with what actually arrives.
            List<T> list = new ArrayList<>(Math.min(length, 16));
            for (int i = 0; i < length; i++) {
                list.add(element.decode(r));
            }
            return Collections.unmodifiableList(list);
        });
    }

    /** A value that may be absent, as Go's pointer fields are: null stands for it. */
    public static <T> CborCodec<T> nullable(CborCodec<T> codec) {
        return CborCodec.of((value, w) -> {
            if (value == null) {
                w.writeNull();
            } else {
                codec.encode(value, w);
            }
        }, r -> r.tryReadNull() ? null : codec.decode(r));
    }
}
