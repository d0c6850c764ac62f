package dev.granary.cbor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;

/** Random dag-cbor values from a seeded {@link Random}, biased towards boundaries and odd text. */
final class RandomValues {

    private static final long[] BOUNDARIES = {0, 23, 24, 255, 256, 65535, 65536, 0xffffffffL, 0x100000000L,
        Long.MAX_VALUE, Long.MIN_VALUE, -1, -24, -25, -256, -257};
    private static final String[] TEXT_PIECES = {"a", "Z", "0", " ", "é", "水", "\ud83d\ude00", "\u0000", "\uffff", "key"};

    private final Random random;
    private final boolean floats;

    RandomValues(Random random, boolean floats) {
        this.random = random;
        this.floats = floats;
    }

    CborValue value(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> new CborValue.IntValue(integer());
            case 1 -> CborValue.of(bytes(random.nextInt(10) == 0 ? 300 : 40));
            case 2 -> CborValue.of(text(random.nextInt(12)));
            case 3 -> CborValue.of(cid());
            case 4 -> new CborValue.BoolValue(random.nextBoolean());
            case 5 -> new CborValue.NullValue();
            case 6 -> floats ? new CborValue.FloatValue(floatValue()) : CborValue.of(random.nextLong());
            case 7 -> CborValue.of(random.nextInt(100) - 50);
            case 8 -> {
                List<CborValue> items = new ArrayList<>();
                int n = random.nextInt(random.nextInt(20) == 0 ? 40 : 5);
                for (int i = 0; i < n; i++) {
                    items.add(value(depth - 1));
                }
                yield new CborValue.ArrayValue(items);
            }
            default -> {
                Map<String, CborValue> entries = new HashMap<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    entries.put(text(random.nextInt(4)), value(depth - 1));
                }
                yield new CborValue.MapValue(entries);
            }
        };
    }

    BigInteger integer() {
        return switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
            case 1 -> BigInteger.valueOf(random.nextLong());
            case 2 -> new BigInteger(64, random);
            default -> new BigInteger(64, random).add(BigInteger.ONE).negate();
        };
    }

    byte[] bytes(int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(b);
        return b;
    }

    String text(int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            s.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
        }
        return s.toString();
    }

    Cid cid() {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        return switch (random.nextInt(4)) {
            case 0 -> Cid.v0(Multihash.of(Multicodec.SHA2_256, digest));
            case 1 -> Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, digest));
            case 2 -> Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, digest));
            default -> Cid.v1(random.nextLong() >>> 1, Multihash.of(Multicodec.IDENTITY, bytes(10)));
        };
    }

    private double floatValue() {
        double d;
        do {
            d = switch (random.nextInt(3)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextGaussian() * 1e6;
                default -> random.nextBoolean() ? 0.0 : -0.0;
            };
        } while (Double.isNaN(d) || Double.isInfinite(d));
        return d;
    }
}
