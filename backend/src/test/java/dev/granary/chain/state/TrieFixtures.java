package dev.granary.chain.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Seeded random key/value sets and a reference model of what the trie should hold. */
final class TrieFixtures {

    private TrieFixtures() {
    }

    /** The model: a sorted map under unsigned byte order, which is the trie's iteration order. */
    static TreeMap<byte[], byte[]> model() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    /** Keys of 0..6 bytes from a small alphabet, so prefixes and shared runs are common. */
    static TreeMap<byte[], byte[]> randomEntries(long seed, int count) {
        Random random = new Random(seed);
        TreeMap<byte[], byte[]> entries = model();
        while (entries.size() < count) {
            entries.put(randomKey(random), randomValue(random));
        }
        return entries;
    }

    static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(7)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (random.nextInt(4) * 0x11 + (random.nextBoolean() ? 0 : 0xc0));
        }
        return key;
    }

    static byte[] randomValue(Random random) {
        byte[] value = new byte[random.nextInt(40)];
        random.nextBytes(value);
        return value;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<Map.Entry<byte[], byte[]>> entriesOf(Iterator<TrieEntry> it) {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(Map.entry(e.key(), e.value())));
        return out;
    }

    /** Compares as hex strings so a failure shows which entry differs. */
    static List<String> hex(List<Map.Entry<byte[], byte[]>> entries) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return entries.stream().map(e -> hex.formatHex(e.getKey()) + "=" + hex.formatHex(e.getValue())).toList();
    }

    static List<String> hex(TreeMap<byte[], byte[]> model) {
        return hex(new ArrayList<>(model.entrySet()));
    }
}
