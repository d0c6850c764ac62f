package dev.granary.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultibaseTest {

    @Test
    void base32MatchesRfc4648LowerCaseWithoutPadding() {
        // RFC 4648 section 10 test vectors, lower case, padding removed.
        String[][] cases = {{"", ""}, {"f", "my"}, {"fo", "mzxq"}, {"foo", "mzxw6"}, {"foob", "mzxw6yq"},
            {"fooba", "mzxw6ytb"}, {"foobar", "mzxw6ytboi"}};
        for (String[] c : cases) {
            byte[] data = c[0].getBytes(StandardCharsets.US_ASCII);
            assertEquals("b" + c[1], Multibase.BASE32.encode(data), c[0]);
            assertArrayEquals(data, Multibase.decode("b" + c[1]), c[0]);
        }
    }

    @Test
    void roundTripsRandomBytes() {
        Random random = new Random(1);
        for (int length = 0; length < 100; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertArrayEquals(data, Multibase.decode(Multibase.BASE32.encode(data)));
        }
    }

    @Test
    void rejectsWhatIsNotBase32() {
        assertEquals("unsupported multibase prefix 'z' (supported: 'b' base32)",
                assertThrows(IllegalArgumentException.class, () -> Multibase.decode("zQm")).getMessage());
        assertEquals("'A' at position 2 is not a lower-case base32 character",
                assertThrows(IllegalArgumentException.class, () -> Multibase.decode("bmA")).getMessage());
        assertEquals("base32 text of 1 characters is truncated",
                assertThrows(IllegalArgumentException.class, () -> Multibase.decode("bm")).getMessage());
        assertEquals("base32 text has non-zero bits after its last byte",
                assertThrows(IllegalArgumentException.class, () -> Multibase.decode("bmz")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Multibase.decode(""));
    }
}
