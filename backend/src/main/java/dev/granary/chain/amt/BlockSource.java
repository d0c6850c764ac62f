package dev.granary.chain.amt;

import dev.granary.multiformats.Cid;
import java.util.Optional;

/**
 * Where an AMT's blocks are read from. {@code BlockStore::get} is one; a snapshot import restricts
 * one to the blocks that arrived in the file.
 */
@FunctionalInterface
public interface BlockSource {

    /** The block's bytes, or empty when this source does not hold it. */
    Optional<byte[]> get(Cid cid);
}
