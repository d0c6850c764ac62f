package dev.granary.wallet;

import dev.granary.address.Address;
import java.time.Instant;
import java.util.Optional;

/**
 * One signature the node made: when, with which key, over what (the message CID when it was a
 * message), why, and for whom.
 */
public record SignatureRecord(long id, Instant at, Address address, Optional<String> messageCid, String reason,
                              String actor) {}
