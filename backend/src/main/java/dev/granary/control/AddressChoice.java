package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.util.List;
import java.util.Optional;

/**
 * The sender picked for one message type, and why: every candidate in order with its verdict. Empty
 * {@code chosen} means no address can send (the reason says what to fix). {@code goodFunds} and
 * {@code minFunds} are the thresholds the choice was made with.
 */
public record AddressChoice(AddressUse use, Optional<Address> chosen, String reason, TokenAmount goodFunds,
                            TokenAmount minFunds, List<Candidate> candidates) {}
