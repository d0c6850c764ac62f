package dev.granary.chain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.granary.chain.state.TrieNode.Leaf;
import dev.granary.multiformats.FormatException;

/** The node encoding documented in docs/chain.md, byte for byte, and its canonical-shape checks. */
class TrieNodeCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void leafIsATupleOfKindHexPrefixPathAndValue() {
        // key 0xab12 from nibble 1 on: odd path b,1,2 -> prefix byte 0x1b then 0x12.
        Leaf leaf = new Leaf(Nibbles.ofKey(new byte[] {(byte) 0xab, 0x12}).from(1), new byte[] {7});

        assertEquals("830042 1b12 4107".replace(" ", ""), HEX.formatHex(TrieNodeCodec.encode(leaf)));
        assertEquals(leaf.path(), ((Leaf) TrieNodeCodec.decode(TrieNodeCodec.encode(leaf))).path());
    }

    @Test
    void evenPathHasAZeroPrefixByte() {
        assertEquals("00ab12", HEX.formatHex(Nibbles.ofKey(new byte[] {(byte) 0xab, 0x12}).encode()));
        assertEquals("00", HEX.formatHex(Nibbles.EMPTY.encode()));
    }

    @Test
    void nonCanonicalPathPrefixIsRefused() {
        assertThrows(FormatException.class, () -> Nibbles.decode(new byte[] {0x05, 0x12}));
        assertThrows(FormatException.class, () -> Nibbles.decode(new byte[] {0x2a}));
        assertThrows(FormatException.class, () -> Nibbles.decode(new byte[0]));
    }

    @Test
    void branchWithASingleEntryIsRefused() {
        // [2, [null x16], h'01']: a branch holding only a value must have been a leaf.
        String nulls = "f6".repeat(16);
        byte[] bytes = HEX.parseHex("830290" + nulls + "4101");

        assertThrows(FormatException.class, () -> TrieNodeCodec.decode(bytes));
    }

    @Test
    void unknownNodeKindIsRefused() {
        assertThrows(FormatException.class, () -> TrieNodeCodec.decode(HEX.parseHex("8303410041ff")));
    }
}
