package dev.granary.fil;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Filecoin big integer (go-state-types {@code big.Int}): serialized as empty bytes for zero, else
 * a sign byte (0x00 positive, 0x01 negative) followed by the big-endian magnitude. Serialized forms
 * are at most {@value #MAX_SERIALIZED_LENGTH} bytes, the limit Lotus and the FVM enforce, so every
 * instance of this class can be written.
 */
public final class BigInt implements Comparable<BigInt> {

    public static final int MAX_SERIALIZED_LENGTH = 128;
    /** 127 magnitude bytes after the sign byte. */
    public static final int MAX_BIT_LENGTH = (MAX_SERIALIZED_LENGTH - 1) * 8;
    /** Longer decimal text cannot be within {@link #MAX_BIT_LENGTH}; checked before parsing it. */
    private static final int MAX_DECIMAL_DIGITS = 306;

    public static final BigInt ZERO = new BigInt(BigInteger.ZERO);

    private final BigInteger value;

    private BigInt(BigInteger value) {
        this.value = value;
    }

    public static BigInt of(BigInteger value) {
        if (value.bitLength() > MAX_BIT_LENGTH) {
            throw new FilFormatException("a Filecoin big integer holds at most " + MAX_BIT_LENGTH
                    + " bits of magnitude; this value has " + value.bitLength());
        }
        return value.signum() == 0 ? ZERO : new BigInt(value);
    }

    public static BigInt of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /**
     * Parses the decimal form Lotus' JSON uses ("-12", "100000"): an optional minus sign and ASCII
     * digits, nothing else.
     */
    public static BigInt parse(String decimal) {
        if (decimal == null || decimal.isEmpty()) {
            throw new FilFormatException("empty big integer; write a decimal number such as \"100000\"");
        }
        int start = decimal.charAt(0) == '-' ? 1 : 0;
        int digits = decimal.length() - start;
        if (digits == 0) {
            throw new FilFormatException("'-' is not a big integer; write a decimal number such as \"-5\"");
        }
        if (digits > MAX_DECIMAL_DIGITS) {
            throw new FilFormatException("big integer of " + digits + " digits is too large (at most "
                    + MAX_BIT_LENGTH + " bits)");
        }
        for (int i = start; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c < '0' || c > '9') {
                throw new FilFormatException("'" + decimal + "' is not a big integer: '" + c + "' at position "
                        + (i + 1) + " is not a decimal digit");
            }
        }
        return of(new BigInteger(decimal));
    }

    /**
     * Decodes the canonical serialized form: the shortest one for the value. Rejects what
     * {@link #fromBytesLenient} accepts but {@link #bytes()} never writes (a sign byte without a
     * magnitude, leading zero magnitude bytes), so that decode-then-encode gives back the same bytes
     * and a content identifier over them is stable.
     */
    public static BigInt fromBytes(byte[] bytes) {
        BigInt decoded = fromBytesLenient(bytes);
        if (bytes.length == 1) {
            throw new FilFormatException("big integer bytes " + hex(bytes) + " have a sign byte but no magnitude;"
                    + " zero is encoded as empty bytes");
        }
        if (bytes.length > 1 && bytes[1] == 0) {
            throw new FilFormatException("big integer bytes " + hex(bytes) + " have a leading zero magnitude byte;"
                    + " the encoding must be minimal");
        }
        return decoded;
    }

    /**
     * Decodes exactly what go-state-types {@code big.FromBytes} and the FVM accept: a sign byte of 0
     * or 1 and any big-endian magnitude (leading zeros allowed), at most
     * {@value #MAX_SERIALIZED_LENGTH} bytes. Use it for data produced elsewhere whose bytes are kept
     * as they are; use {@link #fromBytes} for anything Granary re-encodes.
     */
    public static BigInt fromBytesLenient(byte[] bytes) {
        if (bytes.length == 0) {
            return ZERO;
        }
        if (bytes.length > MAX_SERIALIZED_LENGTH) {
            throw new FilFormatException("big integer of " + bytes.length + " bytes is longer than the "
                    + MAX_SERIALIZED_LENGTH + "-byte limit");
        }
        int sign = bytes[0];
        if (sign != 0 && sign != 1) {
            throw new FilFormatException("big integer sign byte must be 0x00 (positive) or 0x01 (negative), got 0x"
                    + String.format("%02x", sign & 0xff));
        }
        BigInteger magnitude = new BigInteger(1, Arrays.copyOfRange(bytes, 1, bytes.length));
        return of(sign == 1 ? magnitude.negate() : magnitude);
    }

    /** The serialized form: empty for zero, else sign byte and minimal big-endian magnitude. */
    public byte[] bytes() {
        if (value.signum() == 0) {
            return new byte[0];
        }
        byte[] magnitude = value.abs().toByteArray();
        // toByteArray() is two's complement: a leading 0x00 appears when the top bit is set.
        int skip = magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[1 + magnitude.length - skip];
        out[0] = (byte) (value.signum() < 0 ? 1 : 0);
        System.arraycopy(magnitude, skip, out, 1, magnitude.length - skip);
        return out;
    }

    public BigInteger value() {
        return value;
    }

    public int signum() {
        return value.signum();
    }

    @Override
    public int compareTo(BigInt other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BigInt b && b.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The decimal form, as Lotus' JSON writes big integers. */
    @Override
    public String toString() {
        return value.toString();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16))
                + (bytes.length > 16 ? "..." : "");
    }
}
