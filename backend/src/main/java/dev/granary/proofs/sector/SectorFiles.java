package dev.granary.proofs.sector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.granary.proofs.ProofFileException;

/**
 * Where one sector's files live in a storage path, laid out as Lotus lays them out:
 * {@code <root>/unsealed/<sector>}, {@code <root>/sealed/<sector>} and the directory
 * {@code <root>/cache/<sector>/} holding layers, trees, p_aux and t_aux.
 */
public record SectorFiles(Path unsealed, Path sealed, Path cacheDir) {

    public static final String UNSEALED = "unsealed";
    public static final String SEALED = "sealed";
    public static final String CACHE = "cache";

    public static SectorFiles in(Path storageRoot, SectorRef sector) {
        String name = sector.fileName();
        return new SectorFiles(storageRoot.resolve(UNSEALED).resolve(name), storageRoot.resolve(SEALED).resolve(name),
                storageRoot.resolve(CACHE).resolve(name));
    }

    /** Creates the three parent directories (and the cache directory) so sealing can write. */
    public SectorFiles createDirectories() {
        for (Path dir : new Path[] {unsealed.getParent(), sealed.getParent(), cacheDir}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ProofFileException(dir, "cannot create the directory: " + e.getMessage()
                        + "; check the storage path is writable", e);
            }
        }
        return this;
    }
}
