package dev.granary.messages;

import dev.granary.fil.TokenAmount;
import java.util.Optional;

/**
 * Lotus' `mpool replace`: with {@code auto}, the premium rises by the replace factor and the fee cap
 * is re-estimated; otherwise the given premium/fee cap are used (each at least the minimum bump).
 * {@code maxFee} caps the result (empty: messages.max-fee).
 */
public record ReplaceRequest(boolean auto, Optional<TokenAmount> gasPremium, Optional<TokenAmount> gasFeeCap,
                             Optional<TokenAmount> maxFee, String reason) {

    public static ReplaceRequest automatic(String reason) {
        return new ReplaceRequest(true, Optional.empty(), Optional.empty(), Optional.empty(), reason);
    }
}
