package dev.granary.messages;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message the node sent (or is sending), as recorded.
 *
 * @param cid the signed message's CID as pushed now (it changes with each replacement)
 * @param executedCid the CID found on chain once executed (the last replacement, or an earlier one)
 * @param pushedEpoch the head height when the current CID was pushed (replacement clock)
 */
public record OutgoingMessage(long id, Address from, long nonce, Address to, TokenAmount value, long method,
                              String purpose, MessageState state, Cid cid, long gasLimit, TokenAmount gasFeeCap,
                              TokenAmount gasPremium, String createdBy, Instant createdAt, OptionalLong pushedEpoch,
                              Optional<Cid> executedCid, OptionalLong executedEpoch, OptionalLong exitCode,
                              byte[] returnValue, OptionalLong gasUsed, int replacements, String error) {}
