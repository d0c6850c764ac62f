package dev.granary.chain.amt;

import dev.granary.multiformats.Cid;

/** Where an AMT's blocks go as they are built: a block store, a write batch, or memory. */
@FunctionalInterface
public interface BlockSink {

    /** Takes {@code data} under {@code cid}; the builder computed the CID from the data. */
    void put(Cid cid, byte[] data);
}
