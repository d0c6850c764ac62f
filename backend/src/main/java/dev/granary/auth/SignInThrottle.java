package dev.granary.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per user and per client address: after {@code freeAttempts} failures
 * in a row, each further attempt must wait, the wait doubling per failure up to {@code maxDelay}.
 * A success clears the user's and the address's record.
 */
public final class SignInThrottle {

    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant blockedUntil) {}

    public SignInThrottle(int freeAttempts, Duration baseDelay, Duration maxDelay, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long the caller must still wait, if blocked; names which key blocks. */
    public Optional<Blocked> check(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil() != null && now.isBefore(f.blockedUntil())) {
                return Optional.of(new Blocked(key.startsWith("user:") ? "user " + username : "address " + address,
                    Duration.between(now, f.blockedUntil())));
            }
        }
        return Optional.empty();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            failures.compute(key, (k, f) -> {
                int count = f == null ? 1 : f.count() + 1;
                Instant until = null;
                if (count >= freeAttempts) {
                    int doublings = Math.min(count - freeAttempts, 20);
                    Duration wait = baseDelay.multipliedBy(1L << doublings);
                    until = now.plus(wait.compareTo(maxDelay) > 0 ? maxDelay : wait);
                }
                return new Failures(count, until);
            });
        }
    }

    public void succeeded(String username, String address) {
        keys(username, address).forEach(failures::remove);
    }

    private static java.util.List<String> keys(String username, String address) {
        return java.util.List.of("user:" + (username == null ? "" : username.toLowerCase()), "addr:" + address);
    }

    public record Blocked(String who, Duration retryAfter) {}
}
