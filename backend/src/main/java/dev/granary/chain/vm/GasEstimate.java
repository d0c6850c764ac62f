package dev.granary.chain.vm;

import java.util.Objects;

/**
 * A message run for its gas: the gas it used with the block gas limit as its limit, how it ended and
 * what it returned. A failure exit code means the message would fail on chain too.
 */
public record GasEstimate(long gasUsed, ExitCode exitCode, byte[] ret) {

    public GasEstimate {
        Objects.requireNonNull(exitCode, "exitCode");
        ret = ret == null ? new byte[0] : ret.clone();
    }

    @Override
    public byte[] ret() {
        return ret.clone();
    }
}
