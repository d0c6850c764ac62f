package dev.granary.ui.storage;

import java.util.Arrays;
import java.util.List;

/** Lists as typed into one text field: "hdd, ssd-fast"; empty means none (for groups) or no restriction. */
final class TextList {

    private TextList() {}

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static String format(List<String> items) {
        return String.join(", ", items);
    }
}
