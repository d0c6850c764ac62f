package dev.granary.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An authenticated caller: a signed-in user (web session), a user's API token, or a plain Lotus token.
 *
 * @param username the user, or null for a plain Lotus token and for anonymous callers
 * @param role the user's role at authentication time (null for a plain Lotus token)
 * @param tokenId the token's jti, or null for web sessions and plain Lotus tokens
 */
public record Principal(Kind kind, String username, Role role, Set<Permission> permissions, String tokenId,
                        List<String> miners) {

    public enum Kind { ANONYMOUS, SYSTEM, SESSION, TOKEN, LOTUS_TOKEN }

    public Principal {
        permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        miners = List.copyOf(miners);
    }

    public static Principal anonymous() {
        return new Principal(Kind.ANONYMOUS, null, null, Set.of(), null, List.of());
    }

    public static Principal system() {
        return new Principal(Kind.SYSTEM, "system", Role.ADMIN, Role.ADMIN.permissions(), null, List.of());
    }

    public static Principal session(User user) {
        return new Principal(Kind.SESSION, user.username(), user.role(), user.role().permissions(), null, user.miners());
    }

    public boolean authenticated() {
        return kind != Kind.ANONYMOUS;
    }

    public boolean may(Permission p) {
        return p == Permission.PUBLIC || permissions.contains(p);
    }

    /** What the audit log's actor column shows: the user, or the token id for plain Lotus tokens. */
    public String actorName() {
        return switch (kind) {
            case ANONYMOUS -> "anonymous";
            case LOTUS_TOKEN -> "lotus-token";
            case TOKEN -> username + " (token " + tokenId + ")";
            default -> username;
        };
    }

    public String roleName() {
        return role == null ? (kind == Kind.LOTUS_TOKEN ? "token" : "none") : role.id();
    }

    public String describe() {
        return switch (kind) {
            case ANONYMOUS -> "an anonymous caller";
            case LOTUS_TOKEN -> "this Lotus token";
            case TOKEN -> "token " + tokenId + " of " + username;
            default -> "user " + username;
        };
    }

    public String permissionNames() {
        return permissions.isEmpty() ? "no permissions"
            : permissions.stream().map(Permission::lotusName).collect(Collectors.joining(", "));
    }
}
