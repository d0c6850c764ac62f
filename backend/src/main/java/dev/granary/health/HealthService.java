package dev.granary.health;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every registered check; used by the REST health route and the dashboard's Overview. */
public final class HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);

    private final List<HealthCheck> checks;
    private final Clock clock;

    public HealthService(List<HealthCheck> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    public HealthReport check() {
        return new HealthReport(clock.instant(), checks.stream().map(HealthService::run).toList());
    }

    private static ComponentHealth run(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            log.warn("health check {} failed", check.name(), e);
            return ComponentHealth.down(check.name(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
