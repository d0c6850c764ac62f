package dev.granary.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.AccessRegistry;
import dev.granary.auth.Permission;
import dev.granary.ui.audit.AuditView;
import dev.granary.ui.overview.OverviewView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewPermissionsTest {

    /** Stands for a view someone added without declaring what it needs. */
    static final class UndeclaredView {}

    @Test
    void registersEveryViewUnderItsPathWithTheDeclaredPermission() {
        AccessRegistry registry = new AccessRegistry();
        ViewPermissions.registerAll(registry, Map.of("", OverviewView.class, "audit", AuditView.class));
        assertEquals(List.of(
                new AccessRegistry.Entry(AccessRegistry.Kind.VIEW, "/", Permission.READ),
                new AccessRegistry.Entry(AccessRegistry.Kind.VIEW, "/audit", Permission.ADMIN)),
            registry.entries(AccessRegistry.Kind.VIEW));
    }

    @Test
    void aViewWithoutAPermissionStopsTheStartNamingTheView() {
        AccessRegistry registry = new AccessRegistry();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ViewPermissions.registerAll(
            registry, Map.of("", OverviewView.class, "secrets", UndeclaredView.class)));
        assertTrue(refused.getMessage().contains("/secrets"), refused.getMessage());
        assertTrue(refused.getMessage().contains(UndeclaredView.class.getName()), refused.getMessage());
        assertTrue(refused.getMessage().contains("@RequiresPermission"), refused.getMessage());
    }
}
