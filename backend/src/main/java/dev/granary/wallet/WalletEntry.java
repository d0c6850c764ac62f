package dev.granary.wallet;

import dev.granary.address.Address;
import dev.granary.chain.actors.market.MarketBalance;
import dev.granary.crypto.KeyType;
import dev.granary.fil.TokenAmount;
import java.time.Instant;
import java.util.Optional;

/**
 * A key in the wallet store as operators see it: never the key itself.
 *
 * @param address the key (f1/f3) address
 * @param idAddress the f0 address once the account exists on chain
 * @param nonce the next nonce (counting pending messages)
 * @param market the storage-market escrow (available = escrow - locked)
 */
public record WalletEntry(Address address, Optional<Address> idAddress, KeyType type, String label,
                          boolean isDefault, TokenAmount balance, long nonce, MarketBalance market,
                          Instant createdAt) {}
