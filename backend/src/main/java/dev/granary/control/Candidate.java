package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.util.Optional;

/**
 * One address the selection considered, in order: where it came from ("PreCommitControl", "control",
 * "worker", "owner"), its key address and balance, and why it was or was not taken.
 */
public record Candidate(Address address, Optional<Address> keyAddress, String source, TokenAmount balance,
                        boolean inWallet, String verdict) {}
