package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInThrottleTest {

    @Test
    void repeatedFailuresBlockTheUserWithAClearMessage(@TempDir Path home) {
        try (TestNode node = TestNode.start(home)) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = node.request("POST", "/api/v1/session",
                    "{\"username\":\"admin\",\"password\":\"wrong-password-" + i + "\"}", null);
                assertEquals(401, r.statusCode(), r.body());
                assertTrue(TestNode.json(r).get("detail").asString().contains("wrong username or password"));
            }
            HttpResponse<String> blocked = node.request("POST", "/api/v1/session",
                "{\"username\":\"admin\",\"password\":\"" + node.initialAdminPassword() + "\"}", null);
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertEquals("urn:granary:problem:too-many-requests", TestNode.json(blocked).get("type").asString());
            assertTrue(TestNode.json(blocked).get("detail").asString().startsWith("too many failed sign-ins for "),
                blocked.body());
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());

            var denied = node.node().auth().audit().query(dev.granary.auth.Actor.system(), new dev.granary.audit.AuditQuery(null, "session.sign-in",
                null, "denied", null, null, null, 50));
            assertEquals(6, denied.items().size(), "every failed and throttled attempt is audited");
        }
    }

    @Test
    void theWaitDoublesPerFailureUpToTheMaximumAndSuccessClearsIt() {
        MutableClock clock = new MutableClock();
        SignInThrottle t = new SignInThrottle(2, Duration.ofSeconds(2), Duration.ofSeconds(10), clock);
        t.failed("alice", "10.0.0.1");
        assertTrue(t.check("alice", "10.0.0.9").isEmpty(), "one failure is free");
        t.failed("alice", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), t.check("alice", "10.0.0.9").orElseThrow().retryAfter());
        assertEquals("address 10.0.0.1", t.check("bob", "10.0.0.1").orElseThrow().who(), "the address is blocked too");
        t.failed("alice", "10.0.0.1");
        assertEquals(Duration.ofSeconds(4), t.check("alice", "x").orElseThrow().retryAfter());
        for (int i = 0; i < 5; i++) {
            t.failed("alice", "10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(10), t.check("alice", "x").orElseThrow().retryAfter(), "capped");
        clock.advance(Duration.ofSeconds(11));
        assertTrue(t.check("alice", "10.0.0.1").isEmpty(), "the wait ends");
        t.succeeded("alice", "10.0.0.1");
        t.failed("alice", "10.0.0.1");
        assertTrue(t.check("alice", "10.0.0.1").isEmpty(), "a success starts the count again");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
