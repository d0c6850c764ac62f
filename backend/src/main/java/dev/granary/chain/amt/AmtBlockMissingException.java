package dev.granary.chain.amt;

import dev.granary.multiformats.Cid;

/** A block of the AMT being read is not in the source it is read from. */
public final class AmtBlockMissingException extends AmtException {

    private final Cid cid;

    AmtBlockMissingException(Cid cid, Cid root) {
        super((cid.equals(root) ? "AMT root " + cid : "node " + cid + " of AMT " + root)
            + " is missing: store it (or import a snapshot holding it) before reading this AMT");
        this.cid = cid;
    }

    /** The block that is missing. */
    public Cid cid() {
        return cid;
    }
}
