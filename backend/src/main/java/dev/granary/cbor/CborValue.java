package dev.granary.cbor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.granary.multiformats.Cid;

/**
 * Any dag-cbor value, for tools, tests and data without a typed codec. Maps keep dag-cbor's key order
 * whatever order they were built in, so equal values always encode to the same bytes.
 */
public sealed interface CborValue {

    /** dag-cbor's key order: shorter UTF-8 first, then bytewise. */
    Comparator<String> KEY_ORDER = (a, b) -> {
        byte[] x = Utf8.encode(a);
        byte[] y = Utf8.encode(b);
        return Utf8.compareKeys(x, 0, x.length, y, 0, y.length);
    };

    /** Reads and writes any value; reading and writing use explicit stacks, never recursion. */
    CborCodec<CborValue> CODEC = CborCodec.of(CborValues::write, CborValues::read);

    CborType type();

    default byte[] encode() {
        return CODEC.encode(this);
    }

    /** The bytes with a writer of these options; floats need {@link CborOptions#withFloats()}. */
    default byte[] encode(CborOptions options) {
        CborWriter out = new CborWriter(options);
        CODEC.encode(this, out);
        return out.toByteArray();
    }

    static CborValue decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }

    static CborValue decode(byte[] bytes, CborOptions options) {
        return CODEC.decode(bytes, options);
    }

    static IntValue of(long value) {
        return new IntValue(BigInteger.valueOf(value));
    }

    static TextValue of(String value) {
        return new TextValue(value);
    }

    static BytesValue of(byte[] value) {
        return new BytesValue(value);
    }

    static LinkValue of(Cid value) {
        return new LinkValue(value);
    }

    /** An integer from -2^64 to 2^64 - 1. */
    record IntValue(BigInteger value) implements CborValue {
        private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(64);

        public IntValue {
            if (value.compareTo(LIMIT) >= 0 || value.compareTo(LIMIT.negate()) < 0) {
                throw new IllegalArgumentException("integer " + value + " is outside dag-cbor's range -2^64..2^64-1");
            }
        }

        @Override
        public CborType type() {
            return value.signum() < 0 ? CborType.NEGATIVE_INTEGER : CborType.UNSIGNED_INTEGER;
        }
    }

    record BytesValue(byte[] bytes) implements CborValue {
        public BytesValue {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public CborType type() {
            return CborType.BYTE_STRING;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BytesValue b && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "h'" + HexFormat.of().formatHex(bytes) + "'";
        }
    }

    record TextValue(String text) implements CborValue {
        public TextValue {
            Utf8.encode(text);
        }

        @Override
        public CborType type() {
            return CborType.TEXT_STRING;
        }
    }

    record ArrayValue(List<CborValue> items) implements CborValue {
        public ArrayValue {
            items = List.copyOf(items);
        }

        @Override
        public CborType type() {
            return CborType.ARRAY;
        }
    }

    /** A map with text keys (the only keys dag-cbor has), iterated in dag-cbor's key order. */
    record MapValue(SortedMap<String, CborValue> entries) implements CborValue {
        public MapValue(Map<String, CborValue> entries) {
            this(sorted(entries));
        }

        public MapValue {
            entries = sorted(entries);
        }

        private static SortedMap<String, CborValue> sorted(Map<String, CborValue> entries) {
            TreeMap<String, CborValue> copy = new TreeMap<>(KEY_ORDER);
            entries.forEach((k, v) -> copy.put(k, java.util.Objects.requireNonNull(v, "value of key " + k)));
            return Collections.unmodifiableSortedMap(copy);
        }

        @Override
        public CborType type() {
            return CborType.MAP;
        }
    }

    record LinkValue(Cid cid) implements CborValue {
        @Override
        public CborType type() {
            return CborType.CID;
        }
    }

    record BoolValue(boolean value) implements CborValue {
        @Override
        public CborType type() {
            return CborType.BOOLEAN;
        }
    }

    record NullValue() implements CborValue {
        @Override
        public CborType type() {
            return CborType.NULL;
        }
    }

    /** A 64-bit float; dag-cbor has neither NaN nor infinities. */
    record FloatValue(double value) implements CborValue {
        public FloatValue {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("dag-cbor has no NaN or infinity, got " + value);
            }
        }

        @Override
        public CborType type() {
            return CborType.FLOAT;
        }
    }
}
