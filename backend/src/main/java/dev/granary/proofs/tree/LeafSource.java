package dev.granary.proofs.tree;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The 32-byte leaves of a tree, read in ranges so no tree is ever held whole on the heap. */
public interface LeafSource extends AutoCloseable {

    long leaves();

    /** Fills {@code into} from its position to its limit with leaves from {@code firstLeaf}; positions do not move. */
    void read(long firstLeaf, ByteBuffer into);

    /** The file named in errors about these leaves. */
    Path file();

    @Override
    void close();
}
