package dev.granary.node;

import java.time.Duration;
import java.time.Instant;

/** Static facts about the running node, for the version route and the Overview. */
public record NodeStatus(BuildInfo build, NodeIdentity identity, Home home, Instant startedAt, String listen) {

    public Duration uptime(Instant now) {
        return Duration.between(startedAt, now);
    }
}
