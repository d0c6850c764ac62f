package dev.granary.cli;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory figures for the sealing benchmarks: the process' peak and current resident set (VmHWM,
 * VmRSS from /proc/self/status; -1 where there is no /proc), the Java heap in use and the direct
 * buffers (label layers live there, outside the heap).
 */
record BenchMemory(long peakRssBytes, long rssBytes, long heapBytes, long directBytes) {

    static BenchMemory now() {
        long peak = -1;
        long rss = -1;
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            peak = kib(status, "VmHWM:");
            rss = kib(status, "VmRSS:");
        } catch (IOException | RuntimeException e) {
            // No procfs (not Linux): the heap and direct figures still say something.
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return new BenchMemory(peak, rss, heap, direct);
    }

    private static long kib(List<String> status, String key) {
        return status.stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]) * 1024).orElse(-1L);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}
