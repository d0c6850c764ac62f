package dev.granary.health;

import dev.granary.kernels.Kernels;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which kernels the node uses. The Java twins are a working fallback, so "java" is still up. */
public final class KernelsHealth implements HealthCheck {

    private final Kernels kernels;

    public KernelsHealth(Kernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public String name() {
        return "kernels";
    }

    @Override
    public ComponentHealth check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("implementation", kernels.name());
        details.put("detail", kernels.detail());
        return ComponentHealth.up(name(), details);
    }
}
