package dev.granary.chain.state;

/** A key and its value as iteration yields them; the arrays are the caller's to keep. */
public record TrieEntry(byte[] key, byte[] value) {
}
