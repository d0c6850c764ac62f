package dev.granary.ui.security;

import dev.granary.auth.Permission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one permission a dashboard view needs. Every {@code @Route} class carries it; the node refuses
 * to start when one does not (see {@link DashboardAccess}), so no view is ever reachable by accident.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresPermission {
    Permission value();
}
