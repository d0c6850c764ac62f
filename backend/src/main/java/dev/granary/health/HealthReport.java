package dev.granary.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The node's health at one moment: up only when every component is up. */
public record HealthReport(Instant checkedAt, List<ComponentHealth> components) {

    public boolean up() {
        return components.stream().allMatch(ComponentHealth::up);
    }

    public List<String> failing() {
        return components.stream().filter(c -> !c.up()).map(ComponentHealth::name).toList();
    }

    public ComponentHealth component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no health component " + name));
    }

    /** The JSON shape of GET /api/v1/health. */
    public Map<String, Object> toJson() {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (ComponentHealth c : components) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", c.status());
            entry.putAll(c.details());
            byName.put(c.name(), entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", up() ? "up" : "down");
        json.put("checkedAt", checkedAt.toString());
        json.put("failing", failing());
        json.put("components", byName);
        return json;
    }
}
