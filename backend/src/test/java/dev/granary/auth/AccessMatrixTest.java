package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every REST route in the access registry with every kind of caller and checks each answer
 * against the route's declared permission. New routes are covered without touching this test.
 */
class AccessMatrixTest {

    @TempDir
    static Path home;
    static TestNode node;

    /** A caller: its bearer token (null = none) and what it may do (null = must be refused as unauthenticated). */
    record Caller(String name, String token, Set<Permission> permissions) {}

    static final List<Caller> callers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(home);
        AuthServices auth = node.node().auth();
        callers.add(new Caller("no credentials", null, null));
        for (Role role : Role.values()) {
            String token = role == Role.ADMIN ? node.adminToken() : node.tokenForNewUser("matrix-" + role.id(), role);
            callers.add(new Caller(role.id(), token, role.permissions()));
        }
        Actor admin = new Actor(auth.tokens().verify(node.adminToken()), "test", "matrix");
        String readOnly = auth.tokens().create(admin, new TokenService.TokenRequest("read-only",
            EnumSet.of(Permission.READ), null, false, List.of())).token();
        callers.add(new Caller("read-only token", readOnly, EnumSet.of(Permission.READ)));

        IssuedToken revoked = auth.tokens().create(admin, new TokenService.TokenRequest("revoked",
            Role.ADMIN.permissions(), null, false, List.of()));
        auth.tokens().revoke(admin, revoked.record().jti());
        callers.add(new Caller("revoked token", revoked.token(), null));

        String expired = auth.tokens().create(admin, new TokenService.TokenRequest("expired",
            Role.ADMIN.permissions(), Duration.ofMillis(1), false, List.of())).token();
        Thread.sleep(1100); // exp has one-second resolution
        callers.add(new Caller("expired token", expired, null));

        byte[] otherSecret = new byte[32];
        new SecureRandom().nextBytes(otherSecret);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("Allow", List.of("read", "write", "sign", "admin"));
        callers.add(new Caller("token signed with another secret", Jwt.sign(claims, otherSecret), null));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsPermissionSays() {
        List<AccessRegistry.Entry> routes = new ArrayList<>(node.node().auth().registry().entries(AccessRegistry.Kind.ROUTE));
        assertTrue(routes.size() >= 15, "routes registered: " + routes);
        // Signing out revokes the caller's token, so it goes last.
        routes.sort(Comparator.comparing(e -> e.name().equals("DELETE /v1/session")));
        List<String> failures = new ArrayList<>();
        for (AccessRegistry.Entry route : routes) {
            for (Caller caller : callers) {
                check(route, caller, failures);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " answers contradict the declared permission:\n"
            + String.join("\n", failures));
    }

    private static void check(AccessRegistry.Entry route, Caller caller, List<String> failures) {
        String[] parts = route.name().split(" ", 2);
        String method = parts[0];
        String path = "/api" + parts[1].replaceAll("\\{[^}]+}", "matrix-missing");
        String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
        HttpResponse<String> r = node.request(method, path, body, caller.token());
        int status = r.statusCode();
        String what = route.name() + " [" + route.permission() + "] as " + caller.name() + " -> " + status + " " + r.body();
        if (caller.permissions() == null) {
            boolean publicWithoutCredentials = route.permission() == Permission.PUBLIC && caller.token() == null;
            if (publicWithoutCredentials ? (status == 401 || status == 403) : status != 401) {
                failures.add(what);
            }
            return;
        }
        boolean allowed = route.permission() == Permission.PUBLIC || caller.permissions().contains(route.permission());
        if (allowed && (status == 401 || status == 403)) {
            failures.add(what);
        }
        if (!allowed && (status != 403 || !r.body().contains("\"missingPermission\":\"" + route.permission().lotusName()))) {
            failures.add(what);
        }
        if (status >= 500) {
            failures.add(what);
        }
    }

    @Test
    void refusalsSayWhichPermissionIsMissing() {
        // A fresh token: the matrix signs its callers out at the end.
        String viewer = node.tokenForNewUser("refused-viewer", Role.VIEWER);
        HttpResponse<String> r = node.request("GET", "/api/v1/users", null, viewer);
        assertEquals(403, r.statusCode());
        var body = TestNode.json(r);
        assertEquals("urn:granary:problem:forbidden", body.get("type").asString());
        assertEquals("admin", body.get("missingPermission").asString());
        assertTrue(body.get("detail").asString().contains("needs the 'admin' permission"), r.body());

        HttpResponse<String> anon = node.request("GET", "/api/v1/users", null, null);
        assertEquals(401, anon.statusCode());
        assertTrue(TestNode.json(anon).get("detail").asString().contains("'admin'"), anon.body());
        assertFalse(anon.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    @Test
    void onlyHealthAndSignInAnswerWithoutCredentials() {
        List<String> open = node.node().auth().registry().entries(AccessRegistry.Kind.ROUTE).stream()
            .filter(e -> e.permission() == Permission.PUBLIC).map(AccessRegistry.Entry::name).sorted().toList();
        assertEquals(List.of("GET /v1/health", "POST /v1/session"), open);
    }
}
