package dev.granary.proofs;

import dev.granary.multiformats.Cid;
import dev.granary.proofs.sector.CommitmentCids;

/** PreCommit2's result, as Lotus puts it on chain: CommD (unsealed CID) and CommR (sealed CID). */
public record SealCommitments(Cid commD, Cid commR) {

    public static SealCommitments of(byte[] commD, byte[] commR) {
        return new SealCommitments(CommitmentCids.unsealed(commD), CommitmentCids.sealed(commR));
    }

    public byte[] commDBytes() {
        return CommitmentCids.commD(commD);
    }

    public byte[] commRBytes() {
        return CommitmentCids.commR(commR);
    }
}
