package dev.granary.health;

import dev.granary.units.ByteSize;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Free space on the home's file system; below the configured minimum the node reports itself down. */
public final class DiskHealth implements HealthCheck {

    private final Path home;
    private final long minFreeBytes;

    public DiskHealth(Path home, long minFreeBytes) {
        this.home = home;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public ComponentHealth check() {
        long free;
        long total;
        try {
            FileStore store = Files.getFileStore(home);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            return ComponentHealth.down(name(), "reading free space of " + home + ": " + e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", home.toString());
        details.put("freeBytes", free);
        details.put("totalBytes", total);
        details.put("minFreeBytes", minFreeBytes);
        if (free < minFreeBytes) {
            details.put("error", "only " + ByteSize.format(free) + " free under " + home + ", below health.min-free-disk "
                + ByteSize.format(minFreeBytes) + "; free space or move the home");
            return new ComponentHealth(name(), false, details);
        }
        return ComponentHealth.up(name(), details);
    }
}
