package dev.granary.health;

/** A component that can say whether it works. Implementations must not throw; a failure is "down". */
public interface HealthCheck {
    String name();

    ComponentHealth check();
}
