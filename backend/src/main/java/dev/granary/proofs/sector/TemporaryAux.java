package dev.granary.proofs.sector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.granary.proofs.ProofFileException;

/**
 * t_aux in the sector's cache directory: what rust-fil-proofs keeps in its TemporaryAux (the
 * store configurations of the layers and trees) reduced to what Granary's files need, as short
 * ASCII lines so an operator can read it:
 *
 * <pre>
 * granary-t-aux 1
 * proof=6
 * layers=2
 * tree_r_last_rows_discarded=0
 * </pre>
 *
 * {@code proof} is the registered seal proof id; the discarded rows are 0 until FinalizeSector
 * trims tree_r_last. Unknown keys are refused, so a file from another format is never misread.
 */
public record TemporaryAux(int proofId, int layers, int treeRLastRowsDiscarded) {

    public static final String FILE_NAME = "t_aux";
    private static final String HEADER = "granary-t-aux 1";

    public static Path file(Path cacheDir) {
        return cacheDir.resolve(FILE_NAME);
    }

    public TemporaryAux withRowsDiscarded(int rows) {
        return new TemporaryAux(proofId, layers, rows);
    }

    public void write(Path cacheDir) {
        String text = HEADER + "\nproof=" + proofId + "\nlayers=" + layers + "\ntree_r_last_rows_discarded="
                + treeRLastRowsDiscarded + "\n";
        PersistentAux.AuxFiles.writeAtomically(file(cacheDir), text.getBytes(StandardCharsets.US_ASCII));
    }

    public static TemporaryAux read(Path cacheDir) {
        Path file = file(cacheDir);
        String[] lines = new String(PersistentAux.AuxFiles.read(file), StandardCharsets.US_ASCII).split("\n");
        if (lines.length != 4 || !lines[0].equals(HEADER)) {
            throw new ProofFileException(file, "corrupt: expected '" + HEADER + "' and three key=value lines");
        }
        Map<String, Integer> values = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] kv = lines[i].split("=", 2);
            try {
                values.put(kv[0], Integer.parseInt(kv.length == 2 ? kv[1] : ""));
            } catch (NumberFormatException e) {
                throw new ProofFileException(file, "corrupt: line " + (i + 1) + " is not key=number", e);
            }
        }
        Integer proof = values.get("proof");
        Integer layers = values.get("layers");
        Integer rows = values.get("tree_r_last_rows_discarded");
        if (proof == null || layers == null || rows == null) {
            throw new ProofFileException(file, "corrupt: needs proof, layers and tree_r_last_rows_discarded");
        }
        return new TemporaryAux(proof, layers, rows);
    }
}
