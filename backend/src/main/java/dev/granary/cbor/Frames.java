package dev.granary.cbor;

import java.util.Arrays;

/**
 * The open arrays and maps of a reader or writer, as an explicit stack: item counts, the previous
 * map key (to enforce key order), and a serial number per frame.
 *
 * <p>A frame whose items are all present stays on the stack until the next item begins, and a struct
 * codec can fence its frame so that it is not left at all until the codec is done. That lets
 * {@link TupleCodec} tell a codec that reads or writes too many fields (the next item hits the fence)
 * or too few (its frame is still open afterwards) from bad input.
 */
final class Frames {

    private int depth;
    private int[] remaining = new int[8];
    private boolean[] isMap = new boolean[8];
    private int[] keyOffset = new int[8];
    private int[] keyLength = new int[8];
    private long[] serial = new long[8];
    private long nextSerial;
    private boolean topLevelStarted;
    // Frames at or below the fence stay on the stack even when complete; see fence().
    private int fenceLevel;
    private String fenceBreach;

    /** Frames on the stack, complete or not. */
    int depth() {
        return depth;
    }

    boolean topLevelStarted() {
        return topLevelStarted;
    }

    /** Drops the frames on top whose items are all present, down to the fence; call before an item begins. */
    void popComplete() {
        while (depth > fenceLevel && remaining[depth - 1] == 0) {
            depth--;
        }
    }

    /**
     * Keeps the frame at {@code level} from being left while a struct codec fills it, so that one more
     * field is caught as it is attempted (an {@link IllegalStateException} with {@code breach}) rather
     * than read from, or written into, the enclosing array. Returns the fence it replaces.
     */
    Fence fence(int level, String breach) {
        Fence previous = new Fence(fenceLevel, fenceBreach);
        fenceLevel = level;
        fenceBreach = breach;
        return previous;
    }

    void restore(Fence previous) {
        fenceLevel = previous.level();
        fenceBreach = previous.breach();
    }

    record Fence(int level, String breach) {
    }

    /** Throws if the next item would go past the fence; call right after {@link #popComplete()}. */
    void requireRoomBeforeFence() {
        if (depth > 0 && depth == fenceLevel && remaining[depth - 1] == 0) {
            throw new IllegalStateException(fenceBreach);
        }
    }

    /** Whether the next item is a map key; only meaningful right after {@link #popComplete()}. */
    boolean atMapKey() {
        return depth > 0 && isMap[depth - 1] && remaining[depth - 1] % 2 == 0;
    }

    /** Counts one item (a scalar, or the header of an array or map) in the innermost open frame. */
    void countItem() {
        if (depth == 0) {
            topLevelStarted = true;
        } else {
            remaining[depth - 1]--;
        }
    }

    /** Opens an array ({@code items} = length) or a map ({@code items} = 2 × entries). */
    void push(int items, boolean map) {
        if (depth == remaining.length) {
            int size = depth * 2;
            remaining = Arrays.copyOf(remaining, size);
            isMap = Arrays.copyOf(isMap, size);
            keyOffset = Arrays.copyOf(keyOffset, size);
            keyLength = Arrays.copyOf(keyLength, size);
            serial = Arrays.copyOf(serial, size);
        }
        remaining[depth] = items;
        isMap[depth] = map;
        keyOffset[depth] = -1;
        keyLength[depth] = 0;
        serial[depth] = nextSerial++;
        depth++;
    }

    /** The serial of the frame at {@code level} (1 = outermost). */
    long serial(int level) {
        return serial[level - 1];
    }

    /** Whether any frame above {@code level} still expects items. */
    boolean incompleteAbove(int level) {
        for (int i = level; i < depth; i++) {
            if (remaining[i] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Where the innermost map's previous key's UTF-8 bytes are, or -1 before its first key. */
    int previousKeyOffset() {
        return keyOffset[depth - 1];
    }

    int previousKeyLength() {
        return keyLength[depth - 1];
    }

    void setPreviousKey(int offset, int length) {
        keyOffset[depth - 1] = offset;
        keyLength[depth - 1] = length;
    }
}
