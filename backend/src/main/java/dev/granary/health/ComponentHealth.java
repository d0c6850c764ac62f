package dev.granary.health;

import java.util.Map;

/** One component's state: up or down, with details an operator can read (and a reason when down). */
public record ComponentHealth(String name, boolean up, Map<String, Object> details) {

    public static ComponentHealth up(String name, Map<String, Object> details) {
        return new ComponentHealth(name, true, details);
    }

    public static ComponentHealth down(String name, String reason) {
        return new ComponentHealth(name, false, Map.of("error", reason));
    }

    public String status() {
        return up ? "up" : "down";
    }
}
