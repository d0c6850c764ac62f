package dev.granary.chain.state;

import dev.granary.multiformats.Cid;

/** A trie node the walk needs is not in the store: the root was pruned, or a snapshot was incomplete. */
public final class MissingNodeException extends RuntimeException {

    private final Cid cid;

    public MissingNodeException(Cid cid, String action) {
        super(action + ": state node " + cid + " is not in the store (pruned, or never imported)");
        this.cid = cid;
    }

    public Cid cid() {
        return cid;
    }
}
