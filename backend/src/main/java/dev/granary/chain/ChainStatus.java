package dev.granary.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.granary.chain.types.TipSet;
import dev.granary.fil.TokenAmount;

/**
 * What an operator wants to know about the chain at a glance.
 *
 * @param networkName  the chain's network name (from genesis)
 * @param policy       the policy profile in force ("devnet" or "mainnet")
 * @param currentEpoch the epoch the clock is in now (may be ahead of the head after null rounds)
 * @param head         the head tipset
 * @param baseFee      the base fee the next block's messages pay
 * @param blockDelay   the time between epochs
 * @param genesisTime  when epoch 0 started
 * @param clock        "wall" or "manual"
 * @param producing    whether this node is producing blocks now
 * @param mpoolSize    messages waiting for inclusion
 */
public record ChainStatus(String networkName, String policy, long currentEpoch, TipSet head, TokenAmount baseFee,
                          Duration blockDelay, Instant genesisTime, String clock, boolean producing, int mpoolSize) {

    public ChainStatus {
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(baseFee, "baseFee");
    }
}
