package dev.granary.chain.genesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import dev.granary.auth.SecretFiles;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;

/**
 * The devnet's own keys under {@code <home>/chain/keys}, in Lotus' hex-lotus format, mode 0600:
 * {@value #FUNDED} (the account funded at genesis), {@value #PRODUCER} (the genesis producer's worker
 * key: it signs tickets, election proofs and blocks) and {@value #BEACON} (the devnet beacon).
 *
 * <p>They stay plain files because genesis and the producer read them before (and without) the wallet
 * passphrase; the wallet store adopts the funded key into its encrypted store when unlocked
 * (docs/wallets.md). Back them up with the home. A snapshot restored onto a new home keeps producing
 * only if these files are copied along.
 */
public final class ChainKeyFiles {

    public static final String FUNDED = "funded.key";
    public static final String PRODUCER = "producer.key";
    public static final String BEACON = "beacon.key";

    private final Path dir;

    public ChainKeyFiles(Path homeRoot) {
        this.dir = homeRoot.resolve("chain").resolve("keys");
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The key in {@code name}, if the file exists. */
    public Optional<PrivateKey> load(String name) {
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(KeyFormat.HEX_LOTUS.importKey(text));
        } catch (IOException e) {
            throw new UncheckedIOException("reading chain key " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("reading chain key " + file + ": " + e.getMessage()
                + "; restore the file from a backup of the home", e);
        }
    }

    /** The key in {@code name}, generated and written (0600) when the file does not exist yet. */
    public PrivateKey loadOrCreate(String name, KeyType type, SecureRandom random) {
        Optional<PrivateKey> existing = load(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        PrivateKey key = PrivateKey.generate(type, random);
        Path file = file(name);
        try {
            Files.createDirectories(dir);
            SecretFiles.writeOwnerOnly(file, KeyFormat.HEX_LOTUS.export(key).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing chain key " + file + ": " + e.getMessage(), e);
        }
        return key;
    }
}
