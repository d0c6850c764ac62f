package dev.granary.proofs.vanilla;

import java.util.ArrayList;
import java.util.List;

/**
 * What proves one PoRep challenge: the data leaf with its path to comm_d, the replica leaf with its
 * path to comm_r_last, the challenged node's column with its path to comm_c, and the columns of
 * the node's parents (each with its path to comm_c) from which every layer's label is recomputed.
 * Serialised: u64 challenge, data path, replica path, column, u8 parent count, parent columns.
 */
public record PoRepChallengeProof(long challenge, InclusionProof dataPath, InclusionProof replicaPath,
        ColumnProof column, List<ColumnProof> parentColumns) {

    public PoRepChallengeProof {
        if (parentColumns.size() > 255) {
            throw new IllegalArgumentException("too many parent columns: " + parentColumns.size());
        }
        parentColumns = List.copyOf(parentColumns);
    }

    void write(ProofWriter w) {
        w.u64(challenge);
        dataPath.write(w);
        replicaPath.write(w);
        column.write(w);
        w.u8(parentColumns.size());
        parentColumns.forEach(c -> c.write(w));
    }

    static PoRepChallengeProof read(ProofReader r) {
        long challenge = r.u64("challenge");
        InclusionProof data = InclusionProof.read(r);
        InclusionProof replica = InclusionProof.read(r);
        ColumnProof column = ColumnProof.read(r);
        int parents = r.u8("parent count");
        List<ColumnProof> parentColumns = new ArrayList<>(parents);
        for (int i = 0; i < parents; i++) {
            parentColumns.add(ColumnProof.read(r));
        }
        return new PoRepChallengeProof(challenge, data, replica, column, parentColumns);
    }
}
