package dev.granary.chain.rand;

/**
 * Filecoin's domain-separation tags (go-state-types crypto.DomainSeparationTag): mixed into every
 * randomness draw so that a value drawn for one purpose can never be replayed for another. The
 * numbers are consensus-critical and must match the network's.
 */
public enum DomainSeparationTag {

    TICKET_PRODUCTION(1),
    ELECTION_PROOF_PRODUCTION(2),
    WINNING_POST_CHALLENGE_SEED(3),
    WINDOWED_POST_CHALLENGE_SEED(4),
    SEAL_RANDOMNESS(5),
    INTERACTIVE_SEAL_CHALLENGE_SEED(6),
    WINDOW_POST_DEADLINE_ASSIGNMENT(7),
    MARKET_DEAL_CRON_SEED(8),
    POST_CHAIN_COMMIT(9),
    EVM_PREV_RANDAO(10);

    private final long value;

    DomainSeparationTag(long value) {
        this.value = value;
    }

    public long value() {
        return value;
    }
}
