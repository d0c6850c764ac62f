package dev.granary.cbor;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A struct as a CBOR array of its fields; see {@link CborCodec#tuple}. */
final class TupleCodec<T> implements CborCodec<T> {

    private final String name;
    private final int fields;
    private final BiConsumer<? super T, CborWriter> encodeFields;
    private final Function<CborReader, ? extends T> decodeFields;
    private final String wroteTooMany;
    private final String readTooMany;

    TupleCodec(String name, int fields, BiConsumer<? super T, CborWriter> encodeFields,
            Function<CborReader, ? extends T> decodeFields) {
        if (fields < 0) {
            throw new IllegalArgumentException(name + ": field count must be non-negative, got " + fields);
        }
        this.name = name;
        this.fields = fields;
        this.encodeFields = encodeFields;
        this.decodeFields = decodeFields;
        this.wroteTooMany = name + " codec wrote more than its " + fields + " fields";
        this.readTooMany = name + " codec read more than its " + fields + " fields";
    }

    @Override
    public void encode(T value, CborWriter out) {
        Frames frames = out.frames();
        frames.popComplete();
        int level = frames.depth() + 1;
        out.writeArrayHeader(fields);
        long serial = frames.serial(level);
        Frames.Fence previous = frames.fence(level, wroteTooMany);
        try {
            encodeFields.accept(value, out);
        } finally {
            frames.restore(previous);
        }
        requireExactCount(frames, level, serial, "wrote");
    }

    @Override
    public T decode(CborReader in) {
        Frames frames = in.frames();
        frames.popComplete();
        int level = frames.depth() + 1;
        int at = in.position();
        if (in.peekType() != CborType.ARRAY) {
            throw new CborException(at, name + ": expected an array of " + fields + " fields, found "
                    + in.peekType().description());
        }
        int found = in.readArrayHeader();
        if (found != fields) {
            throw new CborException(at, name + ": expected " + fields + " fields, found " + found);
        }
        long serial = frames.serial(level);
        Frames.Fence previous = frames.fence(level, readTooMany);
        T value;
        try {
            value = decodeFields.apply(in);
        } finally {
            frames.restore(previous);
        }
        requireExactCount(frames, level, serial, "read");
        return value;
    }

    private void requireExactCount(Frames frames, int level, long serial, String verb) {
        boolean ownFrameOnStack = frames.depth() >= level && frames.serial(level) == serial;
        if (!ownFrameOnStack) {
            throw new IllegalStateException(name + " codec " + verb + " more than its " + fields + " fields");
        }
        if (frames.incompleteAbove(level - 1)) {
            throw new IllegalStateException(name + " codec " + verb + " fewer than its " + fields + " fields");
        }
    }

    @Override
    public String toString() {
        return "TupleCodec[" + name + ", " + fields + " fields]";
    }
}
