package dev.granary.storage.local;

import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sector files on this node's disks, laid out as Lotus lays them out: {@code <root>/<type>/s-t0<miner>-<n>}.
 * Everything here works on exact names; nothing ever deletes by pattern. Fetches and copies are written
 * under {@code <root>/fetching/} and renamed into place, so a half-written file is never where a sector
 * file belongs.
 */
public final class LocalStore {

    /** Lotus' FetchTempSubdir: where incoming files are written before they are renamed into place. */
    public static final String FETCHING = "fetching";
    public static final String PROBE = ".granary-heartbeat-probe";
    /** Files up to this size are hashed on both sides of a copy; larger ones are checked by size. */
    static final long HASH_LIMIT = 64L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalStore() {}

    public static Path sectorPath(Path root, SectorName sector, SectorFileType type) {
        return root.resolve(type.id()).resolve(sector.fileName());
    }

    public static Path fetchingPath(Path root, SectorName sector, SectorFileType type) {
        return root.resolve(FETCHING).resolve(type.id()).resolve(sector.fileName());
    }

    /** Creates the type directories (Lotus creates them when it opens a path). */
    public static void createLayout(Path root) throws IOException {
        for (SectorFileType t : List.of(SectorFileType.UNSEALED, SectorFileType.SEALED, SectorFileType.CACHE)) {
            Files.createDirectories(root.resolve(t.id()));
        }
    }

    /** Capacity and free space of the file system, and the bytes the path's sector files use. */
    public static FsStat stat(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "the directory is gone (unmounted or removed?)");
        }
        FileStore store = Files.getFileStore(root);
        return new FsStat(store.getTotalSpace(), store.getUsableSpace(), usedBytes(root));
    }

    /** Bytes in the type directories and in fetching/ (the files MaxStorage limits). */
    public static long usedBytes(Path root) throws IOException {
        long total = 0;
        List<String> dirs = new ArrayList<>(Arrays.stream(SectorFileType.values()).map(SectorFileType::id).toList());
        dirs.add(FETCHING);
        for (String d : dirs) {
            total += size(root.resolve(d));
        }
        return total;
    }

    /** Bytes of a file, or of every regular file under a directory; 0 when absent. */
    public static long size(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return Files.size(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // removed while we walked
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The heartbeat's write-and-read: random bytes written, synced, read back and compared, then removed. */
    public static void probe(Path root) throws IOException {
        Path probe = root.resolve(PROBE);
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        byte[] back = Files.readAllBytes(probe);
        Files.delete(probe);
        if (!Arrays.equals(bytes, back)) {
            throw new IOException("the probe file read back different bytes than were written");
        }
    }

    /** A sector file found on disk by a scan. */
    public record Found(SectorName sector, SectorFileType type, long size) {}

    /** What a scan found, and entries that are not sector files (reported, never touched). */
    public record Scan(List<Found> found, List<String> ignored) {}

    /** Lists the sector files in each type directory, like Lotus' declareSectors. */
    public static Scan scan(Path root) throws IOException {
        List<Found> found = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (SectorFileType type : SectorFileType.values()) {
            Path dir = root.resolve(type.id());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    String name = e.getFileName().toString();
                    try {
                        SectorName sector = SectorName.parse(name);
                        if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS) != type.directory()) {
                            ignored.add(type.id() + "/" + name + " (a " + (type.directory() ? "file" : "directory")
                                + " where a " + (type.directory() ? "directory" : "file") + " belongs)");
                            continue;
                        }
                        found.add(new Found(sector, type, size(e)));
                    } catch (IllegalArgumentException notSector) {
                        ignored.add(type.id() + "/" + name);
                    }
                }
            }
        }
        return new Scan(found, ignored);
    }

    /**
     * Moves a sector file or cache directory to another path: an atomic rename when both are on one file
     * system; otherwise a copy into {@code <target root>/fetching/}, verified (sizes, and SHA-256 of files
     * up to 64 MiB), synced, renamed into place, and only then the source deleted.
     */
    public static void move(Path source, Path targetRoot, SectorName sector, SectorFileType type) throws IOException {
        Path target = sectorPath(targetRoot, sector, type);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " already exists; remove it or choose another path");
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (AtomicMoveNotSupportedException crossDevice) {
            // another file system: copy, verify, then delete the source
        }
        Path temp = fetchingPath(targetRoot, sector, type);
        deleteExact(temp, type);
        Files.createDirectories(temp.getParent());
        try {
            copyVerified(source, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteExact(temp, type);
            throw e;
        }
        deleteExact(source, type);
    }

    private static void copyVerified(Path source, Path temp) throws IOException {
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(temp);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                for (Path e : entries) {
                    if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(e + " is not a regular file; a cache directory holds only files");
                    }
                    copyFileVerified(e, temp.resolve(e.getFileName().toString()));
                }
            }
            return;
        }
        copyFileVerified(source, temp);
    }

    private static void copyFileVerified(Path from, Path to) throws IOException {
        long size = Files.size(from);
        try (InputStream in = Files.newInputStream(from);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            in.transferTo(java.nio.channels.Channels.newOutputStream(out));
            out.force(true);
        }
        long copied = Files.size(to);
        if (copied != size) {
            throw new IOException("copying " + from + ": wrote " + copied + " bytes of " + size);
        }
        if (size <= HASH_LIMIT && !Arrays.equals(sha256(from), sha256(to))) {
            throw new IOException("copying " + from + ": the copy's SHA-256 differs from the source's");
        }
    }

    /**
     * Writes {@code data} as the sector file, at most {@code limit} bytes: into fetching/ first, synced,
     * renamed into place. A failed write (disk full, over the limit) leaves nothing behind.
     */
    public static long write(Path root, SectorName sector, SectorFileType type, InputStream data, long limit)
            throws IOException {
        if (type.directory()) {
            throw new IllegalArgumentException(type.id() + " is a directory; write its files one by one");
        }
        Path target = sectorPath(root, sector, type);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " already exists");
        }
        Path temp = fetchingPath(root, sector, type);
        Files.createDirectories(temp.getParent());
        Files.createDirectories(target.getParent());
        long written;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            written = BoundedCopy.copy(data, out, limit, () -> "writing " + target + ": more than the " + limit
                + " bytes reserved (the path's MaxStorage or free space would be exceeded)");
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    /**
     * Removes exactly one sector file (or cache directory) after checking it exists. Never a pattern:
     * Lotus once built a glob from a sector number and "remove sector 1" matched sector 0's files too
     * (filecoin-project/lotus#5136, "Storage data of sector 0 is deleted when trying to remove a sector
     * not exists"), so a missing file is an error here, not a wider search.
     */
    public static void removeExisting(Path root, SectorName sector, SectorFileType type) throws IOException {
        Path target = sectorPath(root, sector, type);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(target.toString(), null, "no such sector file; nothing was removed");
        }
        if (attrs.isDirectory() != type.directory()) {
            throw new IOException(target + " is a " + (attrs.isDirectory() ? "directory" : "file") + ", expected a "
                + (type.directory() ? "directory" : "file") + "; nothing was removed");
        }
        deleteExact(target, type);
    }

    /** Deletes a sector file, or a cache directory's regular files and then the directory; absent is fine. */
    static void deleteExact(Path target, SectorFileType type) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                for (Path e : entries) {
                    if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(e + " is a directory inside a " + type.id() + " directory; not removing it");
                    }
                    Files.delete(e);
                }
            }
        }
        Files.delete(target);
    }

    /** Files of a sector file: itself, or a cache directory's files by name. */
    public static List<Path> filesOf(Path sectorFile) throws IOException {
        if (!Files.isDirectory(sectorFile, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(sectorFile);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sectorFile)) {
            for (Path e : entries) {
                if (Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(e);
                }
            }
        }
        out.sort(null);
        return out;
    }

    static byte[] sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }
}
