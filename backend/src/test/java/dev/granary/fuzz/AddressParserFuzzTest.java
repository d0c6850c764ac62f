package dev.granary.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.granary.address.Address;
import dev.granary.address.AddressException;
import dev.granary.address.Network;

/**
 * Any text given to {@link Address#parse(String)}, and any bytes given to {@link Address#fromBytes},
 * either yields an address or an {@link AddressException}. An address that was accepted must survive
 * its own round trips: formatted for the same network it parses back to itself, and so do its bytes.
 *
 * <p>Seeds live in src/test/resources/dev/granary/fuzz/AddressParserFuzzTestInputs/; see docs/testing.md.
 */
class AddressParserFuzzTest {

    @FuzzTest
    void parseTextOrBytes(FuzzedDataProvider data) {
        boolean asBytes = data.consumeBoolean();
        Address address;
        String text = null;
        try {
            if (asBytes) {
                address = Address.fromBytes(data.consumeRemainingAsBytes());
            } else {
                text = data.consumeRemainingAsString();
                address = Address.parse(text);
            }
        } catch (AddressException refused) {
            return;
        }
        Network network = text == null ? Network.MAINNET : Network.of(text);
        String formatted = address.toString(network);
        requireEqual(address, Address.parse(formatted), "parsing its text " + formatted);
        requireEqual(address, Address.fromBytes(address.bytes()), "decoding its bytes");
        if (!formatted.equals(Address.parse(formatted).toString(network))) {
            throw new AssertionError("formatting is not stable for " + formatted);
        }
    }

    private static void requireEqual(Address expected, Address actual, String how) {
        if (!expected.equals(actual)) {
            throw new AssertionError(expected + " became " + actual + " after " + how);
        }
    }
}
