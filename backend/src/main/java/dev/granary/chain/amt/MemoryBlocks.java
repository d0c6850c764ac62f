package dev.granary.chain.amt;

import dev.granary.multiformats.Cid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Blocks held in memory in the order they were put, each once. Builders stage a structure's blocks
 * here so the caller can write them to RocksDB in one batch, or just compute a root (as Lotus checks
 * a block's MsgMeta in a temporary store).
 */
public final class MemoryBlocks implements BlockSink, BlockSource {

    private final Map<Cid, byte[]> blocks = new LinkedHashMap<>();

    @Override
    public void put(Cid cid, byte[] data) {
        blocks.putIfAbsent(cid, data.clone());
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        byte[] data = blocks.get(cid);
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    /** The blocks in the order they were first put; a read-only view whose arrays must not be changed. */
    public Map<Cid, byte[]> blocks() {
        return Collections.unmodifiableMap(blocks);
    }

    public int size() {
        return blocks.size();
    }
}
