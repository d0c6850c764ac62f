package dev.granary.multiformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Bad text and bad bytes for every parser in the package: each gives a {@link FormatException} within
 * a time bound, never another exception type, never a hang.
 */
class MultiformatsMalformedInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final String CID_V1 = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
    private static final String CID_V0 = "QmZjTnYw2TFhn9Nn7tjmPSoTBoY7YRkwPzwSrSbabY24Kp";

    @Test
    void badCharactersInEveryPositionOfACid() {
        assertTimeoutPreemptively(LIMIT, () -> {
            // Characters outside each alphabet: base32 lower has no 0, 1, 8, 9 or capitals; base58 has no 0, O, I, l.
            String[][] cases = {{CID_V1, "0189AO!= \u00e9\u0000"}, {CID_V0, "0OIl!= \u00e9\u0000"}};
            for (String[] c : cases) {
                String cid = c[0];
                for (int i = 1; i < cid.length(); i++) {
                    for (char bad : c[1].toCharArray()) {
                        String text = cid.substring(0, i) + bad + cid.substring(i + 1);
                        assertThrows(FormatException.class, () -> Cid.parse(text), text);
                    }
                }
            }
        });
        assertEquals("'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei1' is not a CID: '1' at position 59 "
                + "is not a lower-case base32 character", assertThrows(FormatException.class,
                        () -> Cid.parse(CID_V1.substring(0, 58) + "1")).getMessage());
        assertEquals("'BAFKREIFJJCIE6LYPI6NY7AMXNFFTAGCLBUXNDQONFIPMB64F2KM2DEVEI4' is not a CID: unsupported multibase "
                + "prefix 'B' (supported: 'b' base32, 'z' base58btc, 'm' base64, 'M' base64pad)",
                assertThrows(FormatException.class, () -> Cid.parse(CID_V1.toUpperCase())).getMessage());
    }

    @Test
    void truncatedCidsAtEveryLength() {
        byte[] v1 = Cid.parse(CID_V1).bytes();
        byte[] v0 = Cid.parse(CID_V0).bytes();
        for (byte[] bytes : new byte[][] {v1, v0}) {
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = java.util.Arrays.copyOf(bytes, length);
                assertThrows(FormatException.class, () -> Cid.fromBytes(prefix), "length " + length);
            }
        }
        for (int length = 0; length < CID_V1.length(); length++) {
            String prefix = CID_V1.substring(0, length);
            assertThrows(FormatException.class, () -> Cid.parse(prefix), prefix);
        }
    }

    @Test
    void oneMebibyteOfRandomBytesAndText() {
        Random random = new Random(20240602);
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        StringBuilder text = new StringBuilder("b");
        while (text.length() < noise.length) {
            text.append((char) random.nextInt(0x3000));
        }
        String base32Alphabet = "b" + "abcdefghijklmnopqrstuvwxyz234567".repeat(1 << 15) + "1";
        assertTimeoutPreemptively(LIMIT, () -> {
            assertThrows(FormatException.class, () -> Cid.fromBytes(noise));
            assertThrows(FormatException.class, () -> Multihash.fromBytes(noise));
            assertThrows(FormatException.class, () -> Cid.parse(text.toString()));
            assertThrows(FormatException.class, () -> Multibase.decode(text.toString()));
            assertThrows(FormatException.class, () -> Multibase.decode("z" + text.substring(1)));
            assertThrows(FormatException.class, () -> Multibase.decode("M" + text.substring(1)));
            assertThrows(FormatException.class, () -> Cid.parse(base32Alphabet));
        });
        // Windows of the noise: any outcome but a FormatException or a CID must not happen.
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < 50_000; i++) {
                int from = random.nextInt(noise.length - 80);
                byte[] window = java.util.Arrays.copyOfRange(noise, from, from + random.nextInt(80));
                if (i % 2 == 0 && window.length > 1) {
                    window[0] = 1;
                }
                try {
                    Cid cid = Cid.fromBytes(window);
                    assertTrue(java.util.Arrays.equals(window, cid.bytes()), "a CID's bytes are its one encoding");
                } catch (FormatException expected) {
                    assertTrue(expected.getMessage().length() < 300, expected.getMessage());
                }
            }
        });
    }

    @Test
    void varintsAndMultihashesWithHugeDeclaredLengths() {
        byte[] hugeDigest = {0x12, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, 0x7f};
        assertEquals("multihash sha2-256 (0x12) declares a 9223372036854775807-byte digest but only 0 bytes follow",
                assertThrows(FormatException.class, () -> Multihash.fromBytes(hugeDigest)).getMessage());
        byte[] endless = new byte[64];
        java.util.Arrays.fill(endless, (byte) 0xff);
        assertEquals("varint at byte 0 is longer than 9 bytes",
                assertThrows(FormatException.class, () -> Varint.decode(endless, 0)).getMessage());
        assertThrows(FormatException.class, () -> Cid.fromBytes(endless));
    }
}
