package dev.granary.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node's home directory and its fixed layout. Everything a node persists lives under it, so
 * backing up a stopped node is copying this directory.
 */
public record Home(Path root) {

    public static final String ENV_VAR = "GRANARY_HOME";

    public Home {
        root = root.toAbsolutePath().normalize();
    }

    /** --home wins, then GRANARY_HOME, then ~/.granary. */
    public static Home resolve(Path explicit) {
        if (explicit != null) {
            return new Home(explicit);
        }
        String fromEnv = System.getenv(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Home(Path.of(fromEnv));
        }
        return new Home(Path.of(System.getProperty("user.home"), ".granary"));
    }

    public Path configFile() { return root.resolve("config.toml"); }
    public Path lockFile() { return root.resolve("granary.lock"); }
    public Path databaseDir() { return root.resolve("db"); }
    public Path rocksDbDir() { return root.resolve("rocksdb"); }
    public Path logsDir() { return root.resolve("logs"); }

    /** Creates the home and its subdirectories; fails with the path when it cannot. */
    public Home prepare() {
        for (Path dir : new Path[] {root, databaseDir(), rocksDbDir(), logsDir()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("preparing home directory " + dir + ": " + e.getMessage(), e);
            }
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new IllegalStateException("preparing home directory " + dir + ": not a writable directory");
            }
        }
        return this;
    }
}
