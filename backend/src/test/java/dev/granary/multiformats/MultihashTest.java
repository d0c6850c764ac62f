package dev.granary.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class MultihashTest {

    @Test
    void sha256OfHelloWorld() {
        Multihash m = Multihash.sum(Multicodec.SHA2_256, "hello world\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("1220a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447", hex(m.bytes()));
    }

    @Test
    void blake2b256MatchesRfc7693AndTheEmptyInput() {
        // BLAKE2b with a 32-byte output; the empty-input value is what b2sum -l 256 prints.
        assertEquals("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
                hex(Multihash.sum(Multicodec.BLAKE2B_256, new byte[0]).digest()));
        assertEquals("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
                hex(Multihash.sum(Multicodec.BLAKE2B_256, "abc".getBytes(StandardCharsets.US_ASCII)).digest()));
        assertEquals("a0e40220", hex(Multihash.sum(Multicodec.BLAKE2B_256, new byte[0]).bytes()).substring(0, 8));
    }

    @Test
    void identityKeepsTheData() {
        Multihash m = Multihash.sum(Multicodec.IDENTITY.code(), new byte[] {1, 2, 3});
        assertEquals("0003010203", hex(m.bytes()));
        assertEquals(m, Multihash.fromBytes(m.bytes()));
    }

    @Test
    void pieceCommitmentCodesRoundTripButAreNotComputedHere() {
        byte[] commP = new byte[32];
        commP[0] = 7;
        for (Multicodec code : new Multicodec[] {Multicodec.SHA2_256_TRUNC254_PADDED, Multicodec.FR32_SHA256_TRUNC254_PADBINTREE}) {
            Multihash m = Multihash.of(code, commP);
            assertEquals(m, Multihash.fromBytes(m.bytes()));
            assertArrayEquals(commP, Multihash.decode(m.bytes(), 0).multihash().digest());
            assertEquals("cannot hash data with " + Multicodec.describe(code.code())
                    + ": supported are sha2-256, blake2b-256 and identity",
                    assertThrows(IllegalArgumentException.class, () -> Multihash.sum(code, commP)).getMessage());
        }
        assertEquals("9220", hex(Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, commP).bytes()).substring(0, 4));
        assertEquals("9120", hex(Multihash.of(Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, commP).bytes()).substring(0, 4));
    }

    @Test
    void malformedBytesAreFormatExceptions() {
        assertEquals("1 bytes follow the multihash",
                assertThrows(FormatException.class, () -> Multihash.fromBytes(HexFormat.of().parseHex("12000f"))).getMessage());
        assertEquals("multihash blake2b-256 (0xb220) declares a 32-byte digest but only 0 bytes follow",
                assertThrows(FormatException.class, () -> Multihash.fromBytes(HexFormat.of().parseHex("a0e40220"))).getMessage());
        assertThrows(FormatException.class, () -> Multihash.fromBytes(HexFormat.of().parseHex("12ffffffffffffffff7f")));
        assertThrows(FormatException.class, () -> Multihash.fromBytes(new byte[0]));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
