package dev.granary.chain.state;

import java.util.Arrays;

import dev.granary.multiformats.FormatException;

/**
 * A path through the trie: a key's bytes as 4-bit nibbles, high nibble first, one nibble per array
 * element. Immutable; the operations copy.
 */
final class Nibbles {

    static final Nibbles EMPTY = new Nibbles(new byte[0]);

    private static final int ODD_FLAG = 0x10;

    private final byte[] nibbles;

    private Nibbles(byte[] nibbles) {
        this.nibbles = nibbles;
    }

    static Nibbles ofKey(byte[] key) {
        byte[] n = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            n[2 * i] = (byte) ((key[i] >> 4) & 0xf);
            n[2 * i + 1] = (byte) (key[i] & 0xf);
        }
        return new Nibbles(n);
    }

    static Nibbles single(int nibble) {
        return new Nibbles(new byte[] {(byte) nibble});
    }

    int length() {
        return nibbles.length;
    }

    int at(int index) {
        return nibbles[index];
    }

    Nibbles from(int start) {
        return slice(start, nibbles.length);
    }

    Nibbles slice(int start, int end) {
        return start == 0 && end == nibbles.length ? this : new Nibbles(Arrays.copyOfRange(nibbles, start, end));
    }

    Nibbles concat(Nibbles other) {
        byte[] n = Arrays.copyOf(nibbles, nibbles.length + other.nibbles.length);
        System.arraycopy(other.nibbles, 0, n, nibbles.length, other.nibbles.length);
        return new Nibbles(n);
    }

    /** How many nibbles this and {@code other} share from their starts. */
    int commonPrefix(Nibbles other) {
        int max = Math.min(nibbles.length, other.nibbles.length);
        int i = 0;
        while (i < max && nibbles[i] == other.nibbles[i]) {
            i++;
        }
        return i;
    }

    /** Whether {@code prefix} occurs in this path starting at {@code offset}. */
    boolean hasAt(int offset, Nibbles prefix) {
        return nibbles.length - offset >= prefix.nibbles.length
                && Arrays.equals(nibbles, offset, offset + prefix.nibbles.length, prefix.nibbles, 0, prefix.nibbles.length);
    }

    /** Whether this path from {@code offset} on is exactly {@code rest}. */
    boolean endsWithAt(int offset, Nibbles rest) {
        return nibbles.length - offset == rest.nibbles.length && hasAt(offset, rest);
    }

    /** The key these nibbles spell; only a whole number of bytes is a key. */
    byte[] toKey() {
        if (nibbles.length % 2 != 0) {
            throw new IllegalStateException("a path of " + nibbles.length + " nibbles is not a whole key");
        }
        byte[] key = new byte[nibbles.length / 2];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (nibbles[2 * i] << 4 | nibbles[2 * i + 1]);
        }
        return key;
    }

    /**
     * Hex-prefix encoding as Ethereum's MPT uses it: the first byte's high nibble is 1 when the length is
     * odd (its low nibble then holds the first nibble) and 0 when even (low nibble 0); the rest packed.
     */
    byte[] encode() {
        boolean odd = nibbles.length % 2 == 1;
        byte[] out = new byte[1 + nibbles.length / 2];
        int next = 0;
        if (odd) {
            out[0] = (byte) (ODD_FLAG | nibbles[0]);
            next = 1;
        }
        for (int i = 1; i < out.length; i++, next += 2) {
            out[i] = (byte) (nibbles[next] << 4 | nibbles[next + 1]);
        }
        return out;
    }

    /** Decodes {@link #encode()}'s form, refusing any other spelling so each path has one encoding. */
    static Nibbles decode(byte[] encoded) {
        if (encoded.length == 0) {
            throw new FormatException("trie path is empty; even the empty path has a prefix byte");
        }
        int flag = encoded[0] & 0xf0;
        boolean odd = flag == ODD_FLAG;
        if (!odd && encoded[0] != 0) {
            throw new FormatException(String.format("trie path prefix byte 0x%02x is neither 0x00 nor 0x1N",
                    encoded[0] & 0xff));
        }
        byte[] n = new byte[(encoded.length - 1) * 2 + (odd ? 1 : 0)];
        int next = 0;
        if (odd) {
            n[next++] = (byte) (encoded[0] & 0xf);
        }
        for (int i = 1; i < encoded.length; i++) {
            n[next++] = (byte) ((encoded[i] >> 4) & 0xf);
            n[next++] = (byte) (encoded[i] & 0xf);
        }
        return new Nibbles(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nibbles other && Arrays.equals(other.nibbles, nibbles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nibbles);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(nibbles.length);
        for (byte b : nibbles) {
            s.append(Character.forDigit(b, 16));
        }
        return s.toString();
    }
}
