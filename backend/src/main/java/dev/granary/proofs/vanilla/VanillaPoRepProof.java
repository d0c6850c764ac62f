package dev.granary.proofs.vanilla;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.fr.FieldKernels;
import dev.granary.kernels.fr.NotAFieldElementException;
import dev.granary.proofs.challenge.PoRepChallenges;

/**
 * The vanilla interactive PoRep proof of one sector for one seed (Commit1's output; Commit2
 * serialises it with {@link #toBytes()}): comm_c, comm_r_last and one {@link PoRepChallengeProof}
 * per challenge of every partition. No Groth16 wrapper: the verifier checks the Merkle paths,
 * recomputes the labels and the encoding itself.
 *
 * <p>Serialised (format version 1, little-endian): u8 version, comm_c, comm_r_last, u16 challenge
 * count, the challenge proofs.
 */
public record VanillaPoRepProof(byte[] commC, byte[] commRLast, List<PoRepChallengeProof> challengeProofs) {

    public static final int FORMAT_VERSION = 1;

    /** What the verifier knows independently of the proof. */
    public record PublicInputs(byte[] replicaId, byte[] seed, byte[] commD, byte[] commR, long sectorSize, int layers,
            long[] challenges) {

        /** The public inputs with the challenges rust-fil-proofs draws for this sector size. */
        public static PublicInputs of(byte[] replicaId, byte[] seed, byte[] commD, byte[] commR, long sectorSize,
                int layers) {
            return new PublicInputs(replicaId, seed, commD, commR, sectorSize, layers,
                    PoRepChallenges.forSector(sectorSize, replicaId, seed));
        }
    }

    public VanillaPoRepProof {
        if (commC.length != 32 || commRLast.length != 32) {
            throw new IllegalArgumentException("comm_c and comm_r_last are 32 bytes");
        }
        commC = commC.clone();
        commRLast = commRLast.clone();
        challengeProofs = List.copyOf(challengeProofs);
    }

    @Override
    public byte[] commC() {
        return commC.clone();
    }

    @Override
    public byte[] commRLast() {
        return commRLast.clone();
    }

    public boolean verifies(PublicInputs in, LabelRecomputer graph) {
        try {
            requireValid(in, graph);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /** Runs every verification step; throws {@link InvalidProofException} naming the first that fails. */
    public void requireValid(PublicInputs in, LabelRecomputer graph) {
        if (!Arrays.equals(VanillaPoStProof.commR(commC, commRLast), in.commR())) {
            throw new InvalidProofException("comm_c and comm_r_last do not hash to comm_r");
        }
        if (challengeProofs.size() != in.challenges().length) {
            throw new InvalidProofException(challengeProofs.size() + " challenge proofs for " + in.challenges().length
                    + " challenges");
        }
        long nodes = in.sectorSize() / 32;
        for (int i = 0; i < challengeProofs.size(); i++) {
            requireValid(challengeProofs.get(i), in.challenges()[i], nodes, in, graph);
        }
    }

    private void requireValid(PoRepChallengeProof p, long challenge, long nodes, PublicInputs in, LabelRecomputer graph) {
        String at = "challenge " + challenge + ": ";
        if (p.challenge() != challenge || p.dataPath().leafIndex() != challenge
                || p.replicaPath().leafIndex() != challenge || p.column().node() != challenge) {
            throw new InvalidProofException(at + "a path proves another node than the challenged one");
        }
        if (!p.dataPath().verifies(in.commD(), nodes)) {
            throw new InvalidProofException(at + "data path does not lead to comm_d");
        }
        if (!p.replicaPath().verifies(commRLast, nodes)) {
            throw new InvalidProofException(at + "replica path does not lead to comm_r_last");
        }
        if (p.column().labels().size() != in.layers() || !p.column().verifies(commC, nodes)) {
            throw new InvalidProofException(at + "column does not have " + in.layers() + " labels leading to comm_c");
        }
        requireParents(p, nodes, graph, at);
        List<List<byte[]>> parentColumns = p.parentColumns().stream().map(ColumnProof::labels).toList();
        List<byte[]> labels = p.column().labels();
        for (int layer = 1; layer <= in.layers(); layer++) {
            byte[] label = graph.label(in.replicaId(), layer, challenge, parentColumns);
            if (!Arrays.equals(label, labels.get(layer - 1))) {
                throw new InvalidProofException(at + "label of layer " + layer + " does not follow from its parents");
            }
        }
        requireEncoding(p.dataPath().leaf(), labels.get(in.layers() - 1), p.replicaPath().leaf(), at);
    }

    private void requireParents(PoRepChallengeProof p, long nodes, LabelRecomputer graph, String at) {
        long[] parents = graph.parents(p.challenge());
        if (parents.length != p.parentColumns().size()) {
            throw new InvalidProofException(at + p.parentColumns().size() + " parent columns for " + parents.length
                    + " parents");
        }
        for (int i = 0; i < parents.length; i++) {
            ColumnProof c = p.parentColumns().get(i);
            if (c.node() != parents[i] || c.labels().size() != p.column().labels().size() || !c.verifies(commC, nodes)) {
                throw new InvalidProofException(at + "column of parent " + i + " (node " + parents[i]
                        + ") does not lead to comm_c");
            }
        }
    }

    /** replica leaf = data leaf + key (the last layer's label) in the scalar field, checked in pure Java. */
    private static void requireEncoding(byte[] data, byte[] key, byte[] replica, String at) {
        ByteBuffer out = ByteBuffer.allocate(32);
        try {
            FieldKernels.java().encode(ByteBuffer.wrap(data), ByteBuffer.wrap(key), out);
        } catch (NotAFieldElementException e) {
            throw new InvalidProofException(at + "data leaf or key is not a field element");
        }
        if (!Arrays.equals(out.array(), replica)) {
            throw new InvalidProofException(at + "replica leaf is not the data leaf encoded with the key");
        }
    }

    public byte[] toBytes() {
        ProofWriter w = new ProofWriter().u8(FORMAT_VERSION).bytes(commC).bytes(commRLast).u16(challengeProofs.size());
        challengeProofs.forEach(p -> p.write(w));
        return w.toByteArray();
    }

    public static VanillaPoRepProof fromBytes(byte[] bytes) {
        ProofReader r = new ProofReader(bytes);
        r.expectVersion(FORMAT_VERSION, "PoRep proof");
        byte[] commC = r.bytes(32, "comm_c");
        byte[] commRLast = r.bytes(32, "comm_r_last");
        int count = r.u16("challenge count");
        List<PoRepChallengeProof> proofs = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            proofs.add(PoRepChallengeProof.read(r));
        }
        r.expectEnd("PoRep proof");
        return new VanillaPoRepProof(commC, commRLast, proofs);
    }
}
