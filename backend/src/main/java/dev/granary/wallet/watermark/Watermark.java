package dev.granary.wallet.watermark;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.time.Instant;
import java.util.Optional;

/**
 * A balance band for one address: below {@code low} the node sends {@code high - balance} from
 * {@code funding}. {@code lastTopUp}/{@code lastError} say what happened last.
 */
public record Watermark(Address address, TokenAmount low, TokenAmount high, Address funding,
                        Optional<Instant> lastTopUp, Optional<Long> lastMessageId, String lastError) {}
