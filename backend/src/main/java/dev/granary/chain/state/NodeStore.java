package dev.granary.chain.state;

import dev.granary.chain.state.TrieNode.Ref;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;

/** Trie nodes in the CHAIN_STATE column family, keyed by their CID's bytes. */
final class NodeStore {

    private static final byte[] EMPTY_BYTES = TrieNodeCodec.encodeEmpty();

    /** CIDv1(dag-cbor, blake2b-256) of dag-cbor null: the root of the trie with no entries. */
    static final Cid EMPTY_ROOT = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, EMPTY_BYTES);

    private final KvStore kv;

    NodeStore(KvStore kv) {
        this.kv = kv;
    }

    KvStore kv() {
        return kv;
    }

    /** The node at {@code cid}, or null for the empty root (known without reading the store). */
    TrieNode load(Cid cid) {
        if (cid.equals(EMPTY_ROOT)) {
            return null;
        }
        return TrieNodeCodec.decode(loadBytes(cid));
    }

    byte[] loadBytes(Cid cid) {
        if (cid.equals(EMPTY_ROOT)) {
            return EMPTY_BYTES.clone();
        }
        byte[] bytes = kv.get(ColumnFamily.CHAIN_STATE, cid.bytes());
        if (bytes == null) {
            throw new MissingNodeException(cid, "loading trie node");
        }
        return bytes;
    }

    boolean contains(Cid cid) {
        return cid.equals(EMPTY_ROOT) || kv.get(ColumnFamily.CHAIN_STATE, cid.bytes()) != null;
    }

    TrieNode resolve(Ref ref) {
        return switch (ref) {
            case Ref.Stored s -> load(s.cid());
            case Ref.Fresh f -> f.node();
        };
    }

    static Cid cidOf(byte[] encoded) {
        return Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, encoded);
    }

    static byte[] emptyBytes() {
        return EMPTY_BYTES.clone();
    }
}
