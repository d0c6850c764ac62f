package dev.granary.ui.security;

import dev.granary.auth.AccessRegistry;
import dev.granary.auth.Permission;
import java.util.Map;
import java.util.TreeMap;

/** Reads the permission each view declares and enters every view into the node's access registry. */
public final class ViewPermissions {

    private ViewPermissions() {}

    /** The permission {@code view} declares, or null when it declares none. */
    public static Permission declaredBy(Class<?> view) {
        RequiresPermission declared = view.getAnnotation(RequiresPermission.class);
        return declared == null ? null : declared.value();
    }

    /**
     * Registers each route path (as "/path") with its view's permission. A view without a declaration
     * stops here, naming it, which stops the node's start.
     */
    public static void registerAll(AccessRegistry registry, Map<String, Class<?>> viewsByPath) {
        for (Map.Entry<String, Class<?>> view : new TreeMap<>(viewsByPath).entrySet()) {
            String name = "/" + view.getKey();
            Permission permission = declaredBy(view.getValue());
            if (permission == null) {
                throw new IllegalStateException("dashboard view " + name + " (" + view.getValue().getName()
                    + ") declares no permission; annotate it with @RequiresPermission(Permission.X)");
            }
            registry.register(AccessRegistry.Kind.VIEW, name, permission);
        }
    }
}
