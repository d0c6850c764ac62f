package dev.granary.messages;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.util.Optional;

/**
 * A message to send. The service fills in nonce and gas and signs with {@code from}'s key.
 *
 * @param purpose what it is for, shown in lists and the signature record: "send", "control-addresses",
 *                "change-worker", "confirm-worker", "change-owner", "watermark-top-up", ...
 * @param maxFee caps fee cap × gas limit; empty: messages.max-fee
 * @param idempotencyKey a retried request with the same key (from the same user) returns the first
 *                       message instead of sending again; the same key with different content is a conflict
 */
public record SendRequest(Address from, Address to, TokenAmount value, long method, byte[] params, String purpose,
                          Optional<TokenAmount> maxFee, Optional<String> idempotencyKey) {

    public SendRequest {
        params = params == null ? new byte[0] : params.clone();
    }

    /** A plain FIL transfer (method 0). */
    public static SendRequest transfer(Address from, Address to, TokenAmount value, Optional<String> idempotencyKey) {
        return new SendRequest(from, to, value, 0, new byte[0], "send", Optional.empty(), idempotencyKey);
    }

    @Override
    public byte[] params() {
        return params.clone();
    }
}
