package dev.granary.cbor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.granary.cbor.CborValue.ArrayValue;
import dev.granary.cbor.CborValue.BoolValue;
import dev.granary.cbor.CborValue.BytesValue;
import dev.granary.cbor.CborValue.FloatValue;
import dev.granary.cbor.CborValue.IntValue;
import dev.granary.cbor.CborValue.LinkValue;
import dev.granary.cbor.CborValue.MapValue;
import dev.granary.cbor.CborValue.NullValue;
import dev.granary.cbor.CborValue.TextValue;

/**
 * Reads and writes {@link CborValue}s with explicit stacks: nesting is bounded by the reader's depth
 * limit, not by the Java stack, so a depth limit raised for a tool cannot become a StackOverflowError.
 */
final class CborValues {

    private CborValues() {
    }

    /** An array or map being filled while its items are read. */
    private static final class Container {
        final int expected;
        final List<CborValue> items;
        final Map<String, CborValue> entries;
        String pendingKey;
        int count;

        Container(int expected, boolean map) {
            this.expected = expected;
            // Grow with what arrives rather than trusting the declared count for the allocation.
            this.items = map ? null : new ArrayList<>(Math.min(expected, 16));
            this.entries = map ? new LinkedHashMap<>() : null;
        }

        boolean full() {
            return count == expected;
        }

        boolean expectsKey() {
            return entries != null && pendingKey == null;
        }

        void add(CborValue value) {
            if (entries == null) {
                items.add(value);
            } else {
                entries.put(pendingKey, value);
                pendingKey = null;
            }
            count++;
        }

        CborValue build() {
            return entries == null ? new ArrayValue(items) : new MapValue(entries);
        }
    }

    static CborValue read(CborReader in) {
        ArrayDeque<Container> open = new ArrayDeque<>();
        while (true) {
            Container top = open.peek();
            if (top != null && top.expectsKey()) {
                top.pendingKey = in.readText();
                continue;
            }
            CborValue value = switch (in.peekType()) {
                case UNSIGNED_INTEGER, NEGATIVE_INTEGER -> new IntValue(in.readInteger());
                case BYTE_STRING -> new BytesValue(in.readBytes());
                case TEXT_STRING -> new TextValue(in.readText());
                case CID -> new LinkValue(in.readCid());
                case BOOLEAN -> new BoolValue(in.readBoolean());
                case NULL -> {
                    in.readNull();
                    yield new NullValue();
                }
                case FLOAT -> new FloatValue(in.readFloat64());
                case ARRAY -> openOrEmpty(open, in.readArrayHeader(), false);
                case MAP -> openOrEmpty(open, in.readMapHeader(), true);
            };
            if (value == null) {
                continue;
            }
            // Hand the finished value to its container; a container that fills up is itself finished.
            while (true) {
                Container parent = open.peek();
                if (parent == null) {
                    return value;
                }
                parent.add(value);
                if (!parent.full()) {
                    break;
                }
                open.pop();
                value = parent.build();
            }
        }
    }

    /** Returns an empty container's value at once, or pushes a container to fill and returns null. */
    private static CborValue openOrEmpty(ArrayDeque<Container> open, int size, boolean map) {
        if (size == 0) {
            return map ? new MapValue(Map.of()) : new ArrayValue(List.of());
        }
        open.push(new Container(size, map));
        return null;
    }

    static void write(CborValue root, CborWriter out) {
        ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
        CborValue next = root;
        while (next != null) {
            switch (next) {
                case IntValue v -> out.writeInteger(v.value());
                case BytesValue v -> out.writeBytes(v.bytes());
                case TextValue v -> out.writeText(v.text());
                case LinkValue v -> out.writeCid(v.cid());
                case BoolValue v -> out.writeBoolean(v.value());
                case NullValue v -> out.writeNull();
                case FloatValue v -> out.writeFloat64(v.value());
                case ArrayValue v -> {
                    out.writeArrayHeader(v.items().size());
                    open.push(v.items().iterator());
                }
                case MapValue v -> {
                    out.writeMapHeader(v.entries().size());
                    open.push(v.entries().entrySet().iterator());
                }
            }
            next = null;
            while (next == null && !open.isEmpty()) {
                Iterator<?> items = open.peek();
                if (!items.hasNext()) {
                    open.pop();
                    continue;
                }
                Object item = items.next();
                if (item instanceof Map.Entry<?, ?> entry) {
                    out.writeText((String) entry.getKey());
                    next = (CborValue) entry.getValue();
                } else {
                    next = (CborValue) item;
                }
            }
        }
    }
}
