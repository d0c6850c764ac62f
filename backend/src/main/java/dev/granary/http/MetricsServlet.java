package dev.granary.http;

import dev.granary.api.Problem;
import dev.granary.api.ProblemType;
import dev.granary.auth.AuthServices;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import dev.granary.auth.WebSessions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus text exposition at /metrics, for callers with the read permission (Prometheus sends a
 * bearer token: `authorization: {credentials: ...}` in its scrape config).
 */
final class MetricsServlet extends HttpServlet {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final transient PrometheusMeterRegistry registry;
    private final transient AuthServices auth;

    MetricsServlet(PrometheusMeterRegistry registry, AuthServices auth) {
        this.registry = registry;
        this.auth = auth;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String refusal = refusal(req);
        if (refusal != null) {
            Problem p = Problem.of(ProblemType.UNAUTHORIZED, refusal);
            resp.setStatus(401);
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"granary\"");
            resp.setContentType(Problem.CONTENT_TYPE);
            resp.getOutputStream().write(JSON.writeValueAsBytes(p.at(req.getRequestURI(), null).body()));
            return;
        }
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.getOutputStream().write(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        Optional<Principal> principal;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                principal = Optional.of(auth.tokens().verify(header.substring(7).strip()));
            } catch (AuthenticationException e) {
                return e.getMessage();
            }
        } else {
            principal = auth.sessionPrincipal(sessionCookie(req));
        }
        if (principal.isEmpty() || !principal.get().may(Permission.READ)) {
            return "/metrics needs the 'read' permission: send Authorization: Bearer <token>";
        }
        return null;
    }

    private static String sessionCookie(HttpServletRequest req) {
        if (req.getCookies() == null) {
            return null;
        }
        for (Cookie c : req.getCookies()) {
            if (WebSessions.COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }
}
