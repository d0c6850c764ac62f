package dev.granary.cbor;

import static dev.granary.cbor.Rfc8949ExamplesTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The malformed-input corpus: every case must end in a {@link CborException} that names the offset,
 * within a time bound, without an OutOfMemoryError, a StackOverflowError or another exception type.
 */
class CborMalformedInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final String MESSAGE = "8a005501fd1d0f4dfcd7e99afcb99a8326b7dc459d32c62855011eaf1c8a4bbfeeb0870b1745b1f"
            + "57503470b71160144000186a01961a84200014200010040";
    private static final String CAR_HEADER = "a265726f6f747381d82a58250001551220a948904f2f0f479b8f8197694b30184b0d2ed1c1"
            + "cd2a1ec0fb85d299a192a4476776657273696f6e01";

    @Test
    void truncatedAtEveryPrefixLength() {
        List<byte[]> documents = new ArrayList<>(List.of(hex(MESSAGE), hex(CAR_HEADER)));
        RandomValues random = new RandomValues(new Random(7), true);
        for (int i = 0; i < 200; i++) {
            documents.add(random.value(3).encode(CborOptions.DEFAULT.withFloats()));
        }
        assertTimeoutPreemptively(LIMIT, () -> {
            for (byte[] document : documents) {
                for (int length = 0; length < document.length; length++) {
                    byte[] prefix = java.util.Arrays.copyOf(document, length);
                    CborException e = assertThrows(CborException.class,
                            () -> CborValue.decode(prefix, CborOptions.DEFAULT.withFloats()), () -> hexOf(prefix));
                    assertTrue(e.offset() >= 0 && e.offset() <= length, e.getMessage());
                }
            }
        });
        assertEquals("at byte 0: unexpected end of input, expected a data item", rejected("", "").getMessage());
        assertEquals("at byte 24: byte string declares 21 bytes but only 13 remain",
                rejected(MESSAGE.substring(0, 76), "").getMessage());
    }

    @Test
    void wrongMajorTypesForATypedCodec() {
        typedRejected("a0", "Message: expected an array of 10 fields, found a map");
        typedRejected("6161", "Message: expected an array of 10 fields, found a text string");
        typedRejected("f6", "Message: expected an array of 10 fields, found null");
        typedRejected("89" + "00".repeat(9), "at byte 0: Message: expected 10 fields, found 9");
        typedRejected("8900", "at byte 0: array declares 9 items but only 1 bytes remain");
        // Version as text, To as an integer, Nonce negative, GasLimit above int64: each names its byte.
        typedRejected("8a6130" + MESSAGE.substring(4), "at byte 1: expected an unsigned integer, found a text string");
        typedRejected("8a0001" + MESSAGE.substring(48), "at byte 2: expected a byte string, found an unsigned integer");
        String toAndFrom = MESSAGE.substring(4, 92);
        typedRejected("8a00" + toAndFrom + "20" + MESSAGE.substring(94),
                "at byte 46: expected an unsigned integer, found a negative integer");
        String upToGasLimit = MESSAGE.substring(0, 104);
        typedRejected(upToGasLimit + "1bffffffffffffffff" + MESSAGE.substring(110),
                "at byte 52: integer 18446744073709551615 does not fit a signed 64-bit integer");
        CborException e = assertThrows(CborException.class, () -> new CborReader(hex("d82a40")).readBytes());
        assertEquals("at byte 0: expected a byte string, found a CID (tag 42)", e.getMessage());
    }

    @Test
    void hugeDeclaredLengthsAllocateNothing() {
        rejected("5b7fffffffffffffff", "at byte 0: byte string declares 9223372036854775807 bytes but only 0 remain");
        rejected("5bffffffffffffffff", "byte string declares 18446744073709551615 bytes");
        rejected("7b7fffffffffffffff00", "text string declares 9223372036854775807 bytes but only 1 remain");
        rejected("9b7fffffffffffffff", "array declares 9223372036854775807 items but only 0 bytes remain");
        rejected("bb7fffffffffffffff", "map declares 9223372036854775807 entries");
        rejected("5affffffff", "byte string declares 4294967295 bytes");
        rejected("9affffffff00", "array declares 4294967295 items but only 1 bytes remain");
        rejected("ba7fffffff0000", "map declares 2147483647 entries but only 2 bytes remain");
        rejected("99ffff", "array declares 65535 items");
        rejected("a2616100", "map declares 2 entries but only 3 bytes remain");
        rejected("8181815b7fffffffffffffff", "at byte 3: byte string declares");
        rejected("d82a5b7fffffffffffffff00", "at byte 2: byte string declares");
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(CborException.class,
                () -> CborCodecs.listOf(CborCodecs.BYTES).decode(hex("9b7fffffffffffffff"))));
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(CborException.class,
                () -> CborCodecs.listOf(CborCodecs.BYTES).decode(hex("9a7fffffff" + "40".repeat(1000)))));
    }

    @Test
    void badTag42Payloads() {
        String cid = "01551220a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447";
        rejected("d82a01", "at byte 2: tag 42 must hold a byte string, found an unsigned integer");
        rejected("d82a6161", "tag 42 must hold a byte string, found a text string");
        rejected("d82af6", "tag 42 must hold a byte string, found null");
        rejected("d82ad82a4100", "tag 42 must hold a byte string, found a CID (tag 42)");
        rejected("d82a40", "at byte 2: tag 42 holds an empty byte string, expected 0x00 and a CID");
        rejected("d82a5824" + cid, "tag 42 byte string starts with 0x01, not the 0x00 multibase-identity prefix");
        rejected("d82a5825ff" + cid, "starts with 0xff");
        rejected("d82a4400015512", "at byte 2: tag 42 holds an invalid CID: varint at byte 3 is truncated");
        rejected("d82a460001551220ab", "tag 42 holds an invalid CID: multihash sha2-256 (0x12) declares a 32-byte "
                + "digest but only 1 bytes follow");
        rejected("d82a582600" + cid + "00", "tag 42 holds an invalid CID: 1 bytes follow the multihash");
        rejected("d82a450002551200", "tag 42 holds an invalid CID: CID version 2 is not supported");
        rejected("d82a4700015512010000", "tag 42 holds an invalid CID: 1 bytes follow the multihash");
        rejected("d82a4700018100120100", "varint at byte 1 is not minimally encoded");
        rejected("d82a", "at byte 2: input ends after tag 42");
        rejected("d82a5f4100ff", "indefinite-length items are not allowed");
        rejected("d9002a4100", "value 42 is written in 2 bytes; dag-cbor requires the shortest form");
        rejected("d82b4100", "tag 43 is not allowed in dag-cbor (only tag 42, a CID)");
        rejected("da0000002a4100", "value 42 is written in 4 bytes");
        rejected("a1d82a5825" + "00" + cid + "00", "map key must be a text string, found a CID (tag 42)");
    }

    @Test
    void nonCanonicalForms() {
        for (String hex : new String[] {"1800", "1817", "190000", "1900ff", "1a0000ffff", "1b00000000ffffffff",
            "3800", "3817", "5800", "5817" + "00".repeat(23), "7800", "9800", "b800", "5900ff", "98 00".replace(" ", ""),
            "8218" + "0000"}) {
            rejected(hex, "dag-cbor requires the shortest form");
        }
        rejected("a2616201616102", "at byte 4: map key 'a' comes after 'b': dag-cbor orders keys by length, then bytewise");
        rejected("a2626161016162 02".replace(" ", ""), "map key 'b' comes after 'aa'");
        rejected("a2616101616102", "at byte 4: duplicate map key 'a'");
        rejected("a1a0a2616101616101", "map key must be a text string, found a map");
        rejected("a100f6", "map key must be a text string, found an unsigned integer");
        rejected("a14100f6", "map key must be a text string, found a byte string");
        rejected("a1f6f6", "map key must be a text string, found null");
        rejected("62c328", "text string is not valid UTF-8");
        rejected("62c0af", "text string is not valid UTF-8");
        rejected("63eda080", "text string is not valid UTF-8");
        rejected("64f4908080", "text string is not valid UTF-8");
        rejected("a162c32800", "text string is not valid UTF-8");
        for (String hex : new String[] {"5fff", "7fff", "9fff", "bfff", "5f4100ff"}) {
            rejected(hex, "indefinite-length items are not allowed in dag-cbor");
        }
        rejected("1f", "additional information 31 is not valid for major type 0");
        rejected("3f", "additional information 31 is not valid for major type 1");
        rejected("df", "additional information 31 is not valid for major type 6");
        rejected("ff", "unexpected break code");
        rejected("8101ff", "trailing bytes");
        for (String hex : new String[] {"1c", "3d", "5e", "7c", "9d", "be", "dc", "fc", "fd", "fe"}) {
            rejected(hex, "reserved additional information");
        }
        rejected("f7", "undefined is not allowed in dag-cbor");
        rejected("f0", "simple values other than false, true and null");
        rejected("f820", "simple values other than false, true and null");
        rejected("f93c00", "16- and 32-bit floats are not allowed");
        rejected("fb3ff8000000000000", "at byte 0: floats are not allowed here");
        CborOptions floats = CborOptions.DEFAULT.withFloats();
        rejected(hex("f93c00"), "16- and 32-bit floats are not allowed", floats);
        rejected(hex("fa3fc00000"), "16- and 32-bit floats are not allowed", floats);
        rejected(hex("fb7ff8000000000000"), "NaN and infinities are not allowed", floats);
        rejected(hex("fbfff0000000000000"), "NaN and infinities are not allowed", floats);
        rejected(hex("fb3ff80000"), "input ends inside a head that needs 8 more bytes, 4 remain", floats);
    }

    @Test
    void trailingBytes() {
        rejected("0000", "at byte 1: 1 trailing bytes after the top-level item");
        rejected("80a0", "at byte 1: 1 trailing bytes after the top-level item");
        rejected("f6" + "00".repeat(16), "at byte 1: 16 trailing bytes after the top-level item");
        typedRejected(MESSAGE + "00", "at byte 63: 1 trailing bytes after the top-level item");
    }

    @Test
    void nestingDeeperThanTheLimit() {
        assertEquals(64, CborOptions.DEFAULT.maxDepth());
        byte[] depth64 = nested(64);
        assertArrayEquals(depth64, CborValue.decode(depth64).encode());
        rejected(nested(65), "at byte 64: arrays and maps nest deeper than 64 levels", CborOptions.DEFAULT);
        rejected(hex("a16161a16161a161618100"), "at byte 9: arrays and maps nest deeper than 3 levels",
                CborOptions.DEFAULT.withMaxDepth(3));
        rejected(nested(1_000_000), "nest deeper than 64 levels", CborOptions.DEFAULT);
        // Nothing recurses, so even a depth limit raised far beyond the Java stack is safe.
        byte[] deep = nested(200_000);
        assertTimeoutPreemptively(LIMIT, () -> assertArrayEquals(deep,
                CborValue.decode(deep, CborOptions.DEFAULT.withMaxDepth(300_000)).encode()));
        assertTimeoutPreemptively(LIMIT, () -> {
            CborReader r = new CborReader(deep, CborOptions.DEFAULT.withMaxDepth(300_000));
            r.skip();
            r.finish();
        });
    }

    @Test
    void oneMebibyteOfRandomBytes() {
        byte[] noise = new byte[1 << 20];
        new Random(20240601).nextBytes(noise);
        rejected(noise, "", CborOptions.DEFAULT);
        rejected(noise, "", CborOptions.DEFAULT.withFloats());
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(CborException.class, () -> TestMessage.CODEC.decode(noise)));
        // Windows into the noise start on every kind of head; each is refused or decodes canonically.
        Random random = new Random(11);
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < 20_000; i++) {
                int from = random.nextInt(noise.length - 64);
                byte[] window = java.util.Arrays.copyOfRange(noise, from, from + 1 + random.nextInt(64));
                try {
                    assertArrayEquals(window, CborValue.decode(window).encode());
                } catch (CborException expected) {
                    assertTrue(expected.offset() <= window.length);
                }
            }
        });
    }

    @Test
    void errorsNameTheOffsetOfTheOffendingItem() {
        // The vector message with its GasPremium byte string's length raised past the end of the input.
        String broken = MESSAGE.substring(0, 116) + "4f" + MESSAGE.substring(118);
        CborException e = rejected(broken, "byte string declares 15 bytes but only 4 remain");
        assertEquals(58, e.offset());
        assertEquals("at byte 58: byte string declares 15 bytes but only 4 remain", e.getMessage());
    }

    private static CborException rejected(String hex, String reason) {
        return rejected(hex(hex), reason, CborOptions.DEFAULT);
    }

    private static CborException rejected(byte[] input, String reason, CborOptions options) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            CborException e = assertThrows(CborException.class, () -> CborValue.decode(input, options), () -> hexOf(input));
            assertTrue(e.getMessage().contains(reason), () -> hexOf(input) + " gave: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("at byte " + e.offset() + ": "), e.getMessage());
            return e;
        });
    }

    private static void typedRejected(String hex, String reason) {
        Function<byte[], TestMessage> decode = TestMessage.CODEC::decode;
        CborException e = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(CborException.class, () -> decode.apply(hex(hex)), hex));
        assertTrue(e.getMessage().contains(reason), hex + " gave: " + e.getMessage());
    }

    private static byte[] nested(int depth) {
        byte[] bytes = new byte[depth + 1];
        java.util.Arrays.fill(bytes, 0, depth, (byte) 0x81);
        return bytes;
    }

    private static String hexOf(byte[] bytes) {
        return bytes.length > 64 ? bytes.length + " bytes" : HexFormat.of().formatHex(bytes);
    }
}
