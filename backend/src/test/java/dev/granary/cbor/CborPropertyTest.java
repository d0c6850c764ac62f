package dev.granary.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Random values (seeded, so a failure reproduces) must survive encode → decode → encode unchanged. */
class CborPropertyTest {

    private static final int VALUES = 3000;

    @Test
    void randomValuesRoundTripWithoutFloats() {
        roundTrip(new RandomValues(new Random(42), false), CborOptions.DEFAULT);
    }

    @Test
    void randomValuesRoundTripWithFloats() {
        roundTrip(new RandomValues(new Random(43), true), CborOptions.DEFAULT.withFloats());
    }

    @Test
    void randomMessagesRoundTripThroughATupleCodec() {
        RandomValues random = new RandomValues(new Random(44), false);
        Random r = new Random(45);
        for (int i = 0; i < VALUES; i++) {
            TestMessage m = new TestMessage(r.nextLong(), random.bytes(66), random.bytes(66), r.nextLong(),
                    random.bytes(20), r.nextLong(), random.bytes(20), random.bytes(20), r.nextLong(), random.bytes(200));
            byte[] bytes = TestMessage.CODEC.encode(m);
            TestMessage decoded = TestMessage.CODEC.decode(bytes);
            assertEquals(m, decoded);
            assertArrayEquals(bytes, TestMessage.CODEC.encode(decoded));
            assertEquals(CborValue.decode(bytes), CborValue.decode(CborValue.decode(bytes).encode()));
        }
    }

    /**
     * Canonical means one encoding per value: any mutation of a valid document either is refused or
     * decodes to a value whose encoding is exactly the mutated bytes.
     */
    @Test
    void mutatedDocumentsAreRefusedOrCanonical() {
        RandomValues values = new RandomValues(new Random(46), true);
        Random r = new Random(47);
        CborOptions options = CborOptions.DEFAULT.withFloats();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = values.value(3).encode(options);
            byte[] mutated = mutate(bytes, r);
            try {
                CborValue decoded = CborValue.decode(mutated, options);
                assertArrayEquals(mutated, decoded.encode(options), () -> java.util.HexFormat.of().formatHex(mutated));
                accepted++;
            } catch (CborException expected) {
                refused++;
            }
        }
        assertTrue(accepted > 1000 && refused > 1000, accepted + " accepted, " + refused + " refused");
    }

    private static void roundTrip(RandomValues random, CborOptions options) {
        for (int i = 0; i < VALUES; i++) {
            CborValue value = random.value(4);
            byte[] bytes = value.encode(options);
            CborValue decoded = CborValue.decode(bytes, options);
            assertEquals(value, decoded);
            assertArrayEquals(bytes, decoded.encode(options));
        }
    }

    private static byte[] mutate(byte[] bytes, Random r) {
        int at = r.nextInt(bytes.length);
        return switch (r.nextInt(4)) {
            case 0 -> {
                byte[] m = bytes.clone();
                m[at] = (byte) r.nextInt(256);
                yield m;
            }
            case 1 -> {
                byte[] m = bytes.clone();
                m[at] ^= (byte) (1 << r.nextInt(8));
                yield m;
            }
            case 2 -> {
                byte[] m = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, m, 0, at);
                m[at] = (byte) r.nextInt(256);
                System.arraycopy(bytes, at, m, at + 1, bytes.length - at);
                yield m;
            }
            default -> {
                byte[] m = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, m, 0, at);
                System.arraycopy(bytes, at + 1, m, at, bytes.length - at - 1);
                yield bytes.length == 1 ? Arrays.copyOf(bytes, 1) : m;
            }
        };
    }
}
