package dev.granary.cbor;

import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;

/**
 * Maps a Java type to dag-cbor and back, on the streaming {@link CborWriter} and {@link CborReader}.
 *
 * <p>Filecoin encodes structs as tuples (arrays of the fields in declaration order); {@link #tuple}
 * makes such a codec from two lambdas and checks the field count both ways:
 *
 * <pre>{@code
 * CborCodec<Piece> CODEC = CborCodec.tuple("Piece", 2,
 *         (p, w) -> w.writeUnsigned(p.size()).writeCid(p.cid()),
 *         r -> new Piece(r.readUnsigned(), r.readCid()));
 * }</pre>
 */
public interface CborCodec<T> {

    void encode(T value, CborWriter out);

    T decode(CborReader in);

    /** The canonical bytes of {@code value}. */
    default byte[] encode(T value) {
        CborWriter out = new CborWriter();
        encode(value, out);
        return out.toByteArray();
    }

    /** Decodes a whole document: exactly one item, nothing after it, with the default options. */
    default T decode(byte[] bytes) {
        return decode(bytes, CborOptions.DEFAULT);
    }

    default T decode(byte[] bytes, CborOptions options) {
        CborReader in = new CborReader(bytes, options);
        T value = decode(in);
        in.finish();
        return value;
    }

    /** Filecoin's block CID of {@code value}: CIDv1, dag-cbor, blake2b-256 over the canonical bytes. */
    default Cid cid(T value) {
        return Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, encode(value));
    }

    static <T> CborCodec<T> of(BiConsumer<? super T, CborWriter> encoder, Function<CborReader, ? extends T> decoder) {
        return new CborCodec<>() {
            @Override
            public void encode(T value, CborWriter out) {
                encoder.accept(value, out);
            }

            @Override
            public T decode(CborReader in) {
                return decoder.apply(in);
            }
        };
    }

    /**
     * A struct encoded as an array of {@code fields} items. {@code name} appears in errors: input with
     * another number of fields is a {@link CborException} ("at byte 0: Message: expected 10 fields,
     * found 9"); lambdas that write or read another number than {@code fields} are an
     * {@link IllegalStateException}.
     */
    static <T> CborCodec<T> tuple(String name, int fields, BiConsumer<? super T, CborWriter> encodeFields,
            Function<CborReader, ? extends T> decodeFields) {
        return new TupleCodec<>(name, fields, encodeFields, decodeFields);
    }
}
