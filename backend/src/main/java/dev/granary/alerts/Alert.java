package dev.granary.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * One alert. {@code key} names the condition ("wallet.watermark:f1abc", "storage.path:UUID") so that
 * raising it again updates the open alert instead of adding another.
 */
public record Alert(long id, String key, Severity severity, String source, String message, Instant raisedAt,
                    Instant lastSeenAt, Optional<Instant> resolvedAt, String resolution) {

    public boolean open() {
        return resolvedAt.isEmpty();
    }
}
