package dev.granary.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, shared by the dashboard and the REST API through one cookie. Kept in memory: a
 * restart signs everyone out, which is the safe direction. A session ends when signed out or after
 * {@code idleTimeout} without a request.
 */
public final class WebSessions {

    public static final String COOKIE = "granary_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    private static final class Entry {
        final WebSession session;
        volatile Instant lastSeen;

        Entry(WebSession session, Instant lastSeen) {
            this.session = session;
            this.lastSeen = lastSeen;
        }
    }

    public WebSessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A new session with a fresh random id, so an id planted before sign-in is never the signed-in one. */
    public WebSession create(String username) {
        Instant now = clock.instant();
        WebSession s = new WebSession(randomToken(), username, randomToken(), now);
        sessions.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session for a cookie value, marking it used; an idle one is ended and not returned. */
    public Optional<WebSession> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry e = sessions.get(id);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (e.lastSeen.plus(idleTimeout).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        e.lastSeen = now;
        return Optional.of(e.session);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (disabled, password reset). */
    public void endAllOf(String username) {
        sessions.values().removeIf(e -> e.session.username().equals(username));
    }

    /**
     * The Set-Cookie header value for the session cookie: HttpOnly (no script reads it), SameSite=Strict
     * (no other site's page sends it), Secure when served over TLS. {@code expire} deletes it.
     */
    public static String setCookieHeader(String sessionId, boolean secure, boolean expire) {
        return COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
            + (expire ? "; Max-Age=0" : "");
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
