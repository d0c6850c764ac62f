package dev.granary.messages;

import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import java.time.Instant;

/** One replace-by-fee of an outgoing message: old and new CIDs and fees, why, and who asked (or "system"). */
public record Replacement(long id, long messageId, Instant at, long epoch, Cid oldCid, Cid newCid,
                          TokenAmount oldPremium, TokenAmount newPremium, TokenAmount oldFeeCap,
                          TokenAmount newFeeCap, String reason, String actor) {}
