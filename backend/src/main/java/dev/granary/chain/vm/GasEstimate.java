package dev.granary.chain.vm;

import java.util.Objects;

/**
 * A message run for its gas: the gas it used with the block gas limit as its limit, how it ended and
 * what it returned. A failure exit code means the message would fail on chain too; {@code error} then
 * says why (the refusing actor method, or the check), and is null on success.
 */
public record GasEstimate(long gasUsed, ExitCode exitCode, byte[] ret, String error) {

    public GasEstimate {
        Objects.requireNonNull(exitCode, "exitCode");
        ret = ret == null ? new byte[0] : ret.clone();
    }

    @Override
    public byte[] ret() {
        return ret.clone();
    }
}
