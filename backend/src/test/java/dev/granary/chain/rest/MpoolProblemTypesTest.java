package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.api.Problem;
import dev.granary.chain.mpool.RejectReason;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The problem types of pool rejections are API: scripts branch on them and docs/api.md lists them. A
 * renamed or added RejectReason fails here until the table (and the docs) say what it is called.
 */
class MpoolProblemTypesTest {

    private static final Map<String, String> DOCUMENTED = Map.ofEntries(
        Map.entry("MALFORMED", "400 mpool-malformed"),
        Map.entry("TOO_LARGE", "400 mpool-too-large"),
        Map.entry("GAS_LIMIT_TOO_LOW", "400 mpool-gas-limit-too-low"),
        Map.entry("GAS_LIMIT_TOO_HIGH", "400 mpool-gas-limit-too-high"),
        Map.entry("FEE_CAP_TOO_LOW", "409 mpool-fee-cap-too-low"),
        Map.entry("SENDER_UNKNOWN", "409 mpool-sender-unknown"),
        Map.entry("SENDER_NOT_ACCOUNT", "409 mpool-sender-not-account"),
        Map.entry("BAD_SIGNATURE", "400 mpool-bad-signature"),
        Map.entry("NONCE_TOO_LOW", "409 mpool-nonce-too-low"),
        Map.entry("NONCE_GAP", "409 mpool-nonce-gap"),
        Map.entry("REPLACE_UNDERPRICED", "409 mpool-replace-underpriced"),
        Map.entry("INSUFFICIENT_FUNDS", "409 mpool-insufficient-funds"),
        Map.entry("TOO_MANY_PENDING", "429 mpool-too-many-pending"));

    @Test
    void everyRejectReasonHasItsDocumentedTypeAndStatus() {
        Map<String, String> actual = new TreeMap<>();
        for (RejectReason reason : RejectReason.values()) {
            Problem p = ChainProblems.rejected(reason, "detail").problem();
            actual.put(reason.name(), p.status() + " " + p.type().substring("urn:granary:problem:".length()));
            assertEquals(reason.name(), p.extensions().get("reason"));
        }
        assertEquals(new TreeMap<>(DOCUMENTED), actual);
    }
}
