package dev.granary.health;

import dev.granary.db.Database;
import java.util.LinkedHashMap;
import java.util.Map;

public final class DatabaseHealth implements HealthCheck {

    private final Database database;

    public DatabaseHealth(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public ComponentHealth check() {
        long start = System.nanoTime();
        try {
            database.ping();
        } catch (RuntimeException e) {
            return ComponentHealth.down(name(), "database " + database.description() + " unreachable: " + e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", database.description());
        details.put("product", database.productVersion());
        details.put("latencyMs", (System.nanoTime() - start) / 1_000_000.0);
        return ComponentHealth.up(name(), details);
    }
}
