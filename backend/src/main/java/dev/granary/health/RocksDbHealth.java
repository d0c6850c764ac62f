package dev.granary.health;

import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.node.NodeIdentity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Up when RocksDB answers a read of the node id written at first start. */
public final class RocksDbHealth implements HealthCheck {

    private final KvStore kv;

    public RocksDbHealth(KvStore kv) {
        this.kv = kv;
    }

    @Override
    public String name() {
        return "rocksdb";
    }

    @Override
    public ComponentHealth check() {
        byte[] id;
        try {
            id = kv.get(ColumnFamily.META, NodeIdentity.KV_KEY);
        } catch (RuntimeException e) {
            return ComponentHealth.down(name(), "RocksDB at " + kv.dir() + " failed a read: " + e.getMessage());
        }
        if (id == null) {
            return ComponentHealth.down(name(), "RocksDB at " + kv.dir() + " has lost the node id written at first start");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", kv.dir().toString());
        details.put("nodeId", new String(id, StandardCharsets.UTF_8));
        details.put("liveDataBytes", kv.estimatedLiveDataBytes());
        return ComponentHealth.up(name(), details);
    }
}
