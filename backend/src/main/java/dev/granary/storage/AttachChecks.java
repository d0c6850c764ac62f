package dev.granary.storage;

import dev.granary.storage.local.FsStat;
import dev.granary.storage.local.LocalStore;
import dev.granary.storage.path.StoreMeta;
import dev.granary.storage.path.StoreMetaFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-system side of attaching a path (and of changing its options): what the directory must be
 * before anything is written, the unsealed/, sealed/, cache/ layout, and undoing a half-done attach.
 * Every refusal is a {@link StorageInputException} naming the directory and the field.
 */
final class AttachChecks {

    private static final Logger log = LoggerFactory.getLogger(AttachChecks.class);

    private AttachChecks() {}

    /** A directory that exists, as an absolute real path. */
    static Path directory(String text) {
        if (text == null || text.isBlank()) {
            throw new StorageInputException(null, "path", "name the directory to attach (path is empty)");
        }
        Path p;
        try {
            p = Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StorageInputException(null, "path", "'" + text + "' is not a valid path: " + e.getMessage());
        }
        if (!Files.exists(p)) {
            throw new StorageInputException(p, "path", p + " does not exist; create the directory (and mount the disk)"
                + " first");
        }
        if (!Files.isDirectory(p)) {
            throw new StorageInputException(p, "path", p + " is not a directory");
        }
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new StorageInputException(p, "path", p + " cannot be resolved: " + e.getMessage());
        }
    }

    /** Neither the file-system root nor the node's home or one of its parents (see StorageService.refuseAttaching). */
    static void refuseSystemDirectories(Path root, Optional<Path> home) {
        if (root.getParent() == null) {
            throw new StorageInputException(root, "path", root + " is the file system's root; attach a directory on the"
                + " disk instead (e.g. " + root.resolve("srv/granary/store") + ")");
        }
        Optional<Path> realHome = home.map(h -> {
            try {
                return h.toRealPath();
            } catch (IOException e) {
                return h;
            }
        });
        if (realHome.isPresent() && realHome.get().startsWith(root)) {
            throw new StorageInputException(root, "path", root + (realHome.get().equals(root) ? " is" : " holds")
                + " this node's home (" + realHome.get() + "); attach a directory of its own, such as "
                + realHome.get().resolve("storage"));
        }
    }

    /** This node can write the directory (probed with a real file). */
    static void probeWritable(Path root) {
        try {
            LocalStore.probe(root);
        } catch (IOException e) {
            throw new StorageInputException(root, "path", root + " is not writable by this node: " + e.getMessage()
                + "; fix its owner or permissions");
        }
    }

    static void checkOptions(Path root, StoreMeta meta) {
        if (meta.weight() < 0) {
            throw new StorageInputException(root, "Weight", "Weight must be 0 or more, got " + meta.weight());
        }
        if (meta.maxStorage() < 0) {
            throw new StorageInputException(root, "MaxStorage", "MaxStorage must be 0 (no limit) or more bytes, got "
                + meta.maxStorage());
        }
        StoreMetaFile.validate(root, meta);
    }

    static FsStat stat(Path root) {
        try {
            return LocalStore.stat(root);
        } catch (IOException e) {
            throw new StorageInputException(root, "path", "cannot measure " + root + ": " + e.getMessage());
        }
    }

    /** Creates the missing unsealed/, sealed/, cache/ directories, adding each to {@code created}. */
    static void createLayout(Path root, List<Path> created) {
        for (SectorFileType t : List.of(SectorFileType.UNSEALED, SectorFileType.SEALED, SectorFileType.CACHE)) {
            Path dir = root.resolve(t.id());
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(dir);
                    created.add(dir);
                } catch (IOException e) {
                    throw new StorageInputException(root, "path", "cannot create " + dir + ": " + e.getMessage());
                }
            } else if (!Files.isDirectory(dir)) {
                throw new StorageInputException(root, "path", dir + " exists but is not a directory");
            }
        }
    }

    /** Removes what an attach created, newest first; only empty directories and the file it wrote. */
    static void undo(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                log.warn("could not remove {} after a failed attach: {}", created.get(i), e.getMessage());
            }
        }
    }
}
