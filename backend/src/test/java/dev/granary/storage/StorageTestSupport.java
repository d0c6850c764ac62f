package dev.granary.storage;

import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Shared helpers of the storage tests. */
final class StorageTestSupport {

    private StorageTestSupport() {}

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static HttpResponse<String> attach(TestNode node, String token, Map<String, Object> body) {
        return node.request("POST", "/api/v1/storage/paths", TestNode.JSON.writeValueAsString(body), token);
    }

    static JsonNode json(HttpResponse<String> r) {
        return TestNode.json(r);
    }
}
