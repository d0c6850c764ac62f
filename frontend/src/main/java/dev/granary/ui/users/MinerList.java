package dev.granary.ui.users;

import java.util.Arrays;
import java.util.List;

/** Miner scopes as typed into a text field: "f01234, f05678"; empty means every miner. */
public final class MinerList {

    private MinerList() {}

    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String format(List<String> miners) {
        return String.join(", ", miners);
    }

    /** For tables: "all" rather than an empty cell. */
    public static String describe(List<String> miners) {
        return miners.isEmpty() ? "all" : format(miners);
    }
}
