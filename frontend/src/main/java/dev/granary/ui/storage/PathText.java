package dev.granary.ui.storage;

import dev.granary.storage.PathInfo;
import dev.granary.storage.SectorFileType;
import dev.granary.storage.path.StoreMeta;
import dev.granary.ui.svg.CapacityBar;
import dev.granary.units.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a storage path reads in the table: one place for the words, so cells, dialogs and tests agree. */
final class PathText {

    private PathText() {}

    /** The bar's parts: MaxStorage when the path has one (Lotus counts against it), else the file system. */
    static CapacityBar.Parts capacity(PathInfo p) {
        long max = p.meta().maxStorage();
        long capacity = max > 0 ? max : p.capacity();
        return CapacityBar.Parts.of(capacity, p.used(), p.reserved(), p.available());
    }

    /** "seal", "store", "read-only": what new work may use the path for. */
    static List<String> flags(StoreMeta meta) {
        List<String> out = new ArrayList<>();
        if (meta.canSeal()) {
            out.add("seal");
        }
        if (meta.canStore()) {
            out.add("store");
        }
        if (meta.weight() == 0) {
            out.add("read-only");
        }
        return out;
    }

    /** "groups hdd, fast; sends to archive" or "" for a path in no group that may send anywhere. */
    static String groups(StoreMeta meta) {
        List<String> parts = new ArrayList<>();
        if (!meta.groups().isEmpty()) {
            parts.add("groups " + TextList.format(meta.groups()));
        }
        if (!meta.allowTo().isEmpty()) {
            parts.add("sends to " + TextList.format(meta.allowTo()));
        }
        return String.join("; ", parts);
    }

    /** "sealed 3 · cache 3 · unsealed 1", in Lotus' type order, or "no sector files". */
    static String fileCounts(Map<SectorFileType, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (SectorFileType type : SectorFileType.values()) {
            int n = counts.getOrDefault(type, 0);
            if (n > 0) {
                parts.add(type.id() + " " + n);
            }
        }
        return parts.isEmpty() ? "no sector files" : String.join(" · ", parts);
    }

    /** "heartbeat 4s ago", "no heartbeat yet", or for a remote's path where it was seen. */
    static String heartbeat(PathInfo p, Instant now) {
        if (p.remote()) {
            return "on remote " + p.remoteName();
        }
        if (p.lastHeartbeat() == null) {
            return "no heartbeat yet";
        }
        return "heartbeat " + Durations.format(Duration.between(p.lastHeartbeat(), now)) + " ago";
    }

    /** The directory, or for a path of another node the node or remote holding it. */
    static String location(PathInfo p) {
        if (p.localPath() != null) {
            return p.localPath();
        }
        return p.remote() ? "remote " + p.remoteName() : "node " + p.nodeId();
    }

    /** What a person types to confirm a forced detach: the directory, or the ID of a path with none here. */
    static String confirmationWord(PathInfo p) {
        return p.localPath() != null ? p.localPath() : p.id();
    }
}
