package dev.granary.ui.control;

import dev.granary.address.Address;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Addresses typed as a list: separated by commas, spaces or new lines, as people paste them. */
final class AddressList {

    private AddressList() {}

    static List<Address> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[,\\s]+")).map(Address::parse).toList();
    }

    static String format(List<Address> addresses) {
        return addresses.stream().map(Address::toString).collect(Collectors.joining(", "));
    }

    /** "none" for an empty list, which is a valid choice (no control addresses). */
    static String describe(List<Address> addresses) {
        return addresses.isEmpty() ? "none" : format(addresses);
    }
}
