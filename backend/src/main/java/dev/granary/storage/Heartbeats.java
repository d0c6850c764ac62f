package dev.granary.storage;

import dev.granary.alerts.Alerts;
import dev.granary.alerts.Severity;
import dev.granary.storage.index.PathRow;
import dev.granary.storage.index.StorageIndex;
import dev.granary.storage.local.FsStat;
import dev.granary.storage.local.LocalStore;
import dev.granary.units.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One heartbeat round, as Lotus' reportHealth: each of this node's paths is measured (file system
 * stat, used bytes) and probed (a file written, synced, read back). Probes run on virtual threads and
 * the round waits at most one interval, so a hung disk cannot stall the others. A failed probe marks the
 * path unhealthy at once; a path with no successful heartbeat within the timeout (a hung probe, or a
 * node that stopped heartbeating its paths in a shared database) is unhealthy too. Each change raises
 * or resolves the alert {@code storage.path:<id>}.
 */
final class Heartbeats {

    private final StorageIndex index;
    private final String nodeId;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration interval;
    private final Duration timeout;

    Heartbeats(StorageIndex index, String nodeId, Alerts alerts, Clock clock, Duration interval, Duration timeout) {
        this.index = index;
        this.nodeId = nodeId;
        this.alerts = alerts;
        this.clock = clock;
        this.interval = interval;
        this.timeout = timeout;
    }

    List<HeartbeatReport> round() {
        Map<PathRow, CompletableFuture<FsStat>> probes = new LinkedHashMap<>();
        for (PathRow p : index.localPaths(nodeId)) {
            probes.put(p, CompletableFuture.supplyAsync(() -> probe(Path.of(p.localPath())),
                r -> Thread.ofVirtual().name("storage-probe").start(r)));
        }
        long deadline = System.nanoTime() + interval.toNanos();
        List<HeartbeatReport> out = new ArrayList<>();
        for (Map.Entry<PathRow, CompletableFuture<FsStat>> e : probes.entrySet()) {
            out.add(settle(e.getKey(), e.getValue(), deadline));
        }
        markStaleElsewhere();
        return out;
    }

    private static FsStat probe(Path root) {
        try {
            FsStat stat = LocalStore.stat(root);
            LocalStore.probe(root);
            return stat;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HeartbeatReport settle(PathRow p, CompletableFuture<FsStat> probe, long deadline) {
        Instant now = clock.instant();
        try {
            FsStat stat = probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            index.recordHeartbeat(p.id(), stat.capacity(), stat.fsAvailable(), stat.used(), now);
            alerts.resolve(StorageService.ALERT_PREFIX + p.id(), "heartbeat succeeded again");
            return new HeartbeatReport(p.id(), true, "");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            return fail(p, "heartbeat probe failed: " + describe(cause));
        } catch (TimeoutException e) {
            Duration age = p.lastHeartbeat() == null ? null : Duration.between(p.lastHeartbeat(), now);
            if (age == null || age.compareTo(timeout) > 0) {
                return fail(p, staleMessage(age, timeout) + " (the probe has not returned: a hung disk or mount?)");
            }
            return new HeartbeatReport(p.id(), p.healthy(), p.lastError());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HeartbeatReport(p.id(), p.healthy(), p.lastError());
        }
    }

    /** Other nodes' paths in a shared database whose heartbeats stopped: marked and alerted here too. */
    private void markStaleElsewhere() {
        Instant now = clock.instant();
        for (PathRow p : index.paths()) {
            if (p.remoteName() != null || p.nodeId().equals(nodeId) || !p.healthy()) {
                continue;
            }
            Duration age = p.lastHeartbeat() == null ? null : Duration.between(p.lastHeartbeat(), now);
            if (age == null || age.compareTo(timeout) > 0) {
                fail(p, staleMessage(age, timeout) + " from node " + p.nodeId());
            }
        }
    }

    private HeartbeatReport fail(PathRow p, String error) {
        index.recordFailure(p.id(), error);
        Severity severity = p.meta().canStore() ? Severity.CRITICAL : Severity.WARNING;
        alerts.raise(StorageService.ALERT_PREFIX + p.id(), severity, "storage", "storage path "
            + (p.localPath() != null ? p.localPath() : p.id()) + " is unhealthy and gets no new work: " + error);
        return new HeartbeatReport(p.id(), false, error);
    }

    static String staleMessage(Duration age, Duration timeout) {
        return age == null ? "never heartbeated" : "no heartbeat for " + Durations.format(age.withNanos(0))
            + " (limit " + Durations.format(timeout) + ")";
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return (n.getFile() != null ? n.getFile() : "") + ": " + (n.getReason() != null ? n.getReason() : "no such file")
                .replaceFirst("^: ", "");
        }
        if (t instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
