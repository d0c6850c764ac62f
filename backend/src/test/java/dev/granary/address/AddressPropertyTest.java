package dev.granary.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Seeded random round trips and mutations; a failure prints the seed-determined input. */
class AddressPropertyTest {

    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    @Test
    void everyProtocolRoundTripsThroughBytesAndText() {
        Random random = new Random(4_0001);
        for (int i = 0; i < 2_000; i++) {
            Address address = randomAddress(random);
            Address fromBytes = Address.fromBytes(address.bytes());
            assertEquals(address, fromBytes);
            assertEquals(address.hashCode(), fromBytes.hashCode());
            for (Network network : Network.values()) {
                String text = address.toString(network);
                assertTrue(text.length() <= Address.MAX_STRING_LENGTH, text);
                Address parsed = Address.parse(text, network);
                assertEquals(address, parsed, text);
                // One text form per address: formatting what was parsed gives the same text.
                assertEquals(text, parsed.toString(network));
            }
        }
    }

    @Test
    void changingOneCharacterOfAChecksummedAddressIsRejected() {
        Random random = new Random(4_0002);
        for (int i = 0; i < 2_000; i++) {
            Address address = randomAddress(random);
            if (address.protocol() == Protocol.ID) {
                continue;
            }
            String text = address.toString(Network.MAINNET);
            int position = 2 + random.nextInt(text.length() - 2);
            char replacement = BASE32.charAt(random.nextInt(32));
            if (replacement == text.charAt(position) || text.charAt(position) == 'f' || !isBase32(text.charAt(position))) {
                continue; // an unchanged text, or the separator or namespace digits of a delegated address
            }
            String mutated = text.substring(0, position) + replacement + text.substring(position + 1);
            assertThrows(AddressException.class, () -> Address.parse(mutated), mutated);
        }
    }

    @Test
    void randomTextOnlyEverFailsWithAddressException() {
        Random random = new Random(4_0003);
        String alphabet = BASE32 + "0189ftFT-_. ١\u0000é";
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            text.append("ftx".charAt(random.nextInt(3))).append((char) ('0' + random.nextInt(6)));
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                Address address = Address.parse(text.toString());
                assertEquals(text.toString(), address.toString(Network.of(text.toString())));
                parsed++;
            } catch (AddressException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
        assertTrue(parsed > 0, "some random ID addresses should parse");
    }

    @Test
    void randomBytesOnlyEverFailWithAddressException() {
        Random random = new Random(4_0004);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) random.nextInt(6);
            }
            try {
                assertArrayEquals(bytes, Address.fromBytes(bytes).bytes());
            } catch (AddressException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
    }

    @Test
    void equalityFollowsBytesNotNetwork() {
        Address a = Address.parse("t01234");
        assertEquals(a, Address.parse("f01234"));
        assertNotEquals(a, Address.ofId(1235));
        assertTrue(Address.ofId(1).compareTo(Address.ofId(2)) < 0);
        assertTrue(Address.ofId(1).compareTo(Address.actor(new byte[0])) < 0);
    }

    static Address randomAddress(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Address.ofId(random.nextBoolean() ? random.nextInt(100_000) : random.nextLong() & Long.MAX_VALUE);
            case 1 -> {
                byte[] key = new byte[65];
                random.nextBytes(key);
                key[0] = 4;
                yield Address.secp256k1(key);
            }
            case 2 -> Address.actor(randomBytes(random, random.nextInt(40)));
            case 3 -> Address.bls(randomBytes(random, 48));
            default -> Address.delegated(random.nextBoolean() ? 10 : random.nextLong() & Long.MAX_VALUE,
                    randomBytes(random, random.nextInt(Address.MAX_SUBADDRESS_LENGTH + 1)));
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static boolean isBase32(char c) {
        return BASE32.indexOf(c) >= 0;
    }
}
