package dev.granary.storage.rest;

import dev.granary.api.JsonSchema;
import dev.granary.storage.PathInfo;
import dev.granary.storage.RedeclareResult;
import dev.granary.storage.RemoteInfo;
import dev.granary.storage.Reservation;
import dev.granary.storage.SectorCopy;
import dev.granary.storage.SectorFileType;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of the storage routes (the dashboard reads the same records through StorageService). */
final class StorageJson {

    private StorageJson() {}

    static Map<String, Object> path(PathInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("path", p.localPath());
        m.put("nodeId", p.nodeId());
        m.put("remote", p.remoteName());
        m.put("weight", p.meta().weight());
        m.put("canSeal", p.meta().canSeal());
        m.put("canStore", p.meta().canStore());
        m.put("maxStorage", p.meta().maxStorage());
        m.put("groups", p.meta().groups());
        m.put("allowTo", p.meta().allowTo());
        m.put("allowTypes", p.meta().allowTypes());
        m.put("denyTypes", p.meta().denyTypes());
        m.put("allowMiners", p.meta().allowMiners());
        m.put("denyMiners", p.meta().denyMiners());
        m.put("capacity", p.capacity());
        m.put("fsAvailable", p.fsAvailable());
        m.put("used", p.used());
        m.put("reserved", p.reserved());
        m.put("available", p.available());
        m.put("healthy", p.healthy());
        m.put("lastHeartbeat", p.lastHeartbeat() == null ? null : p.lastHeartbeat().toString());
        m.put("lastError", p.lastError());
        m.put("attachedAt", p.attachedAt().toString());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SectorFileType t : SectorFileType.values()) {
            counts.put(t.id(), p.fileCounts().getOrDefault(t, 0));
        }
        m.put("files", counts);
        return m;
    }

    static Map<String, Object> copy(SectorCopy c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sector", c.sector().fileName());
        m.put("miner", c.sector().miner());
        m.put("number", c.sector().number());
        m.put("type", c.type().id());
        m.put("pathId", c.pathId());
        m.put("primary", c.primary());
        m.put("size", c.size());
        m.put("location", c.location());
        m.put("nodeId", c.nodeId());
        m.put("remote", c.remoteName());
        m.put("healthy", c.healthy());
        m.put("declaredAt", c.declaredAt() == null ? null : c.declaredAt().toString());
        return m;
    }

    static Map<String, Object> redeclare(RedeclareResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pathId", r.pathId());
        m.put("path", r.localPath());
        m.put("declared", r.declared());
        m.put("missing", r.missing());
        m.put("dropped", r.dropped());
        m.put("ignored", r.ignored());
        m.put("error", r.error());
        return m;
    }

    static Map<String, Object> remote(RemoteInfo r) {
        return Map.of("name", r.name(), "url", r.url(), "addedAt", r.addedAt().toString());
    }

    static Map<String, Object> reservation(Reservation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("pathId", r.pathId());
        m.put("sector", r.sector().fileName());
        m.put("type", r.type().id());
        m.put("bytes", r.bytes());
        m.put("purpose", r.purpose());
        m.put("createdAt", r.createdAt().toString());
        return m;
    }

    static final JsonSchema STRINGS = JsonSchema.array(JsonSchema.string());

    static JsonSchema pathSchema() {
        return JsonSchema.object().prop("id", JsonSchema.string()).prop("path", JsonSchema.string())
            .prop("nodeId", JsonSchema.string()).prop("remote", JsonSchema.string())
            .prop("weight", JsonSchema.integer()).prop("canSeal", JsonSchema.bool()).prop("canStore", JsonSchema.bool())
            .prop("maxStorage", JsonSchema.integer()).prop("groups", STRINGS).prop("allowTo", STRINGS)
            .prop("allowTypes", STRINGS).prop("denyTypes", STRINGS).prop("allowMiners", STRINGS)
            .prop("denyMiners", STRINGS).prop("capacity", JsonSchema.integer()).prop("fsAvailable", JsonSchema.integer())
            .prop("used", JsonSchema.integer()).prop("reserved", JsonSchema.integer())
            .prop("available", JsonSchema.integer()).prop("healthy", JsonSchema.bool())
            .prop("lastHeartbeat", JsonSchema.string()).prop("lastError", JsonSchema.string())
            .prop("attachedAt", JsonSchema.string())
            .prop("files", JsonSchema.object().additionalProperties(JsonSchema.integer()));
    }

    static JsonSchema copySchema() {
        return JsonSchema.object().prop("sector", JsonSchema.string()).prop("miner", JsonSchema.integer())
            .prop("number", JsonSchema.integer()).prop("type", JsonSchema.string()).prop("pathId", JsonSchema.string())
            .prop("primary", JsonSchema.bool()).prop("size", JsonSchema.integer()).prop("location", JsonSchema.string())
            .prop("nodeId", JsonSchema.string()).prop("remote", JsonSchema.string()).prop("healthy", JsonSchema.bool())
            .prop("declaredAt", JsonSchema.string());
    }
}
