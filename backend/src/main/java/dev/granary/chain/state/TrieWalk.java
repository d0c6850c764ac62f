package dev.granary.chain.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * Visits every stored node reachable from a root once, parents before children (the order a CAR
 * export wants). Identical subtrees can sit under different paths, so nodes are deduplicated by CID.
 */
public final class TrieWalk {

    private TrieWalk() {
    }

    /** Calls {@code visitor} with each node's CID and encoded bytes; throws {@link MissingNodeException}. */
    public static void forEachNode(KvStore kv, Cid root, BiConsumer<Cid, byte[]> visitor) {
        forEachNode(new NodeStore(kv), root, new HashSet<>(), visitor);
    }

    /** As above, skipping and recording in {@code seen} so several roots share one walk's bookkeeping. */
    static void forEachNode(NodeStore store, Cid root, Set<Cid> seen, BiConsumer<Cid, byte[]> visitor) {
        Deque<Cid> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Cid cid = pending.pop();
            if (!seen.add(cid)) {
                continue;
            }
            byte[] bytes = store.loadBytes(cid);
            visitor.accept(cid, bytes);
            Deque<Cid> children = new ArrayDeque<>();
            TrieNodeCodec.forEachLink(TrieNodeCodec.decode(bytes), children::push);
            // Children were pushed 0..f onto their own stack; moving them over keeps 0 on top.
            children.forEach(pending::push);
        }
    }
}
