package dev.granary.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A user's role: a fixed set of Lotus permissions. */
public enum Role {
    VIEWER(EnumSet.of(Permission.READ)),
    OPERATOR(EnumSet.of(Permission.READ, Permission.WRITE)),
    SIGNER(EnumSet.of(Permission.READ, Permission.WRITE, Permission.SIGN)),
    ADMIN(EnumSet.of(Permission.READ, Permission.WRITE, Permission.SIGN, Permission.ADMIN));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public boolean allows(Permission p) {
        return p == Permission.PUBLIC || permissions.contains(p);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role '" + text + "' must be one of viewer, operator, signer, admin");
    }

    public static List<String> ids() {
        return List.of("viewer", "operator", "signer", "admin");
    }
}
