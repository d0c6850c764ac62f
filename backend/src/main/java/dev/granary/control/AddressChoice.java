package dev.granary.control;

import dev.granary.address.Address;
import java.util.List;
import java.util.Optional;

/**
 * The sender picked for one message type, and why: every candidate in order with its verdict. Empty
 * {@code chosen} means no address can send (the reason says what to fix).
 */
public record AddressChoice(AddressUse use, Optional<Address> chosen, String reason, List<Candidate> candidates) {}
