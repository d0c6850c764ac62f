package dev.granary.chain.rest;

import dev.granary.api.Problem;
import dev.granary.api.ProblemException;
import dev.granary.chain.mpool.RejectReason;
import java.util.Locale;
import java.util.Map;

/**
 * The problem types only the chain routes answer with. Their slugs are as stable as
 * {@link dev.granary.api.ProblemType}'s: scripts branch on them, so never rename one.
 */
final class ChainProblems {

    /** Problem's own prefix; repeated here because Problem builds URNs only from the shared enum. */
    static final String TYPE_PREFIX = "urn:granary:problem:";
    static final String MPOOL_PREFIX = "mpool-";
    static final String WAIT_TIMEOUT = "chain-wait-timeout";
    static final String CLOCK_NOT_MANUAL = "chain-clock-not-manual";

    private ChainProblems() {}

    /** "urn:granary:problem:mpool-nonce-too-low" for NONCE_TOO_LOW: one type per reason, named after it. */
    static String mpoolType(RejectReason reason) {
        return TYPE_PREFIX + MPOOL_PREFIX + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message pool refused a message; {@code detail} is the pool's own account of which check failed. */
    static ProblemException rejected(RejectReason reason, String detail) {
        String words = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return new ProblemException(new Problem(mpoolType(reason), "Message rejected: " + words,
            rejectionStatus(reason), "the message pool rejected the message: " + detail, null, null,
            Map.of("reason", reason.name())));
    }

    /**
     * 400 when the message itself is wrong whatever the chain holds; 409 when it conflicts with the
     * sender's state or pending messages (fixable by changing the nonce, the fee or the balance);
     * 429 when the sender has too many messages waiting.
     */
    static int rejectionStatus(RejectReason reason) {
        return switch (reason) {
            case SENDER_UNKNOWN, SENDER_NOT_ACCOUNT, NONCE_TOO_LOW, NONCE_GAP, REPLACE_UNDERPRICED, INSUFFICIENT_FUNDS,
                 FEE_CAP_TOO_LOW -> 409;
            case TOO_MANY_PENDING -> 429;
            default -> 400;
        };
    }

    static ProblemException waitTimedOut(String detail) {
        return new ProblemException(new Problem(TYPE_PREFIX + WAIT_TIMEOUT, "Not executed in time", 504, detail,
            null, null, Map.of()));
    }

    static ProblemException clockNotManual(String detail) {
        return new ProblemException(new Problem(TYPE_PREFIX + CLOCK_NOT_MANUAL, "The chain runs on the wall clock",
            409, detail, null, null, Map.of()));
    }
}
