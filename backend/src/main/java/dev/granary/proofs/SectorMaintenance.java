package dev.granary.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.granary.multiformats.Cid;
import dev.granary.proofs.encoding.ReplicaEncoder;
import dev.granary.proofs.sector.CommitmentCids;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.proofs.sector.TemporaryAux;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.tree.SectorTrees;
import dev.granary.proofs.tree.TreeShape;

/**
 * Unseal (a range of the sector back to its Fr32-padded data) and FinalizeSector (drop what
 * proving does not need), as filecoin-ffi's unseal_range and clear_cache do.
 */
public final class SectorMaintenance {

    private static final String UNSEAL_WORK_DIR = "unseal-labels";

    private final SealKernels kernels;
    private final ParentCacheStore parentCaches;

    public SectorMaintenance(SealKernels kernels, ParentCacheStore parentCaches) {
        this.kernels = kernels;
        this.parentCaches = parentCaches;
    }

    /**
     * Writes to {@code out} the {@code length} bytes of the unsealed (Fr32-padded) sector from
     * byte {@code offset}, both multiples of 32. The key layer is read from the cache directory
     * while the layer files are there, otherwise recomputed from the replica_id into a work
     * directory that is removed afterwards.
     */
    public void unsealRange(RegisteredSealProof proof, SectorFiles files, SectorRef sector, byte[] ticket, Cid commD,
            long offset, long length, Path out) {
        SealProofs.requireLength(ticket, "ticket");
        if (offset < 0 || length <= 0 || offset % 32 != 0 || length % 32 != 0 || offset + length > proof.sectorSize()) {
            throw new IllegalArgumentException("unseal range " + offset + "+" + length + " must be whole 32-byte nodes"
                    + " inside the " + proof.sectorSize() + "-byte sector");
        }
        ReplicaEncoder decoder = new ReplicaEncoder(kernels.field());
        Path keyLayer = files.cacheDir().resolve(Labels.layerFileName(proof.layers()));
        if (hasSize(keyLayer, proof.sectorSize())) {
            decoder.decodeRange(files.sealed(), keyLayer, offset / 32, length / 32, out);
            return;
        }
        Path work = files.cacheDir().resolve(UNSEAL_WORK_DIR);
        try {
            byte[] replicaId = ReplicaId.of(ReplicaId.proverId(sector.minerId()), sector.number(), ticket,
                    CommitmentCids.commD(commD), proof.porepId());
            Labels.Result labels = Labels.generate(kernels.sdr(), parentCaches.open(proof), replicaId, proof.layers(), work);
            decoder.decodeRange(files.sealed(), labels.keyLayer(), offset / 32, length / 32, out);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * FinalizeSector: deletes the layer files, tree_d and tree_c, and trims tree_r_last to the
     * rows above {@link TreeShape#defaultRowsToDiscard()}. The cache keeps p_aux, t_aux and the
     * trimmed tree_r_last: what WindowPoSt and WinningPoSt read, under 1/8 of the sector.
     */
    public void finalizeSector(RegisteredSealProof proof, Path cacheDir) {
        TemporaryAux aux = TemporaryAux.read(cacheDir);
        if (aux.proofId() != proof.id()) {
            throw new ProofFileException(TemporaryAux.file(cacheDir), "was written for registered proof "
                    + aux.proofId() + ", not " + proof.id() + " (" + proof.label() + ")");
        }
        TreeShape shape = TreeShape.ofSectorSize(proof.sectorSize());
        if (aux.treeRLastRowsDiscarded() == 0) {
            SectorTrees.discardTreeRLastRows(cacheDir, proof.sectorSize());
            aux.withRowsDiscarded(shape.defaultRowsToDiscard()).write(cacheDir);
        }
        for (Path p : SealProofs.layerFiles(proof, cacheDir)) {
            delete(p);
        }
        delete(CacheFiles.treeC(cacheDir));
        delete(CacheFiles.treeD(cacheDir));
    }

    /** Bytes kept in the cache directory (regular files directly in it). */
    public static long cacheBytes(Path cacheDir) {
        try (Stream<Path> files = Files.list(cacheDir)) {
            long total = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        } catch (IOException e) {
            throw new ProofFileException(cacheDir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean hasSize(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ProofFileException(file, "cannot delete: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                delete(p);
            }
        } catch (IOException e) {
            throw new ProofFileException(dir, "cannot remove the unseal work directory: " + e.getMessage(), e);
        }
    }
}
