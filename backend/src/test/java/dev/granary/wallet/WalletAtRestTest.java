package dev.granary.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.auth.Actor;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.node.Node;
import dev.granary.node.NodeOptions;
import dev.granary.testing.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on disk and across restarts: no key in plain text in the database files, no passphrase in
 * the logs, a wrong passphrase at start fails the start naming its source, a new store takes its
 * passphrase from the first unlock.
 */
class WalletAtRestTest {

    @TempDir
    Path home;

    @Test
    void theDatabaseFilesHoldNoPrivateKeyAndTheLogsNoPassphrase() throws IOException {
        List<PrivateKey> keys = new ArrayList<>();
        List<Address> addresses = new ArrayList<>();
        try (TestNode node = TestNode.start(home)) {
            WalletService wallets = node.node().wallets();
            for (KeyType type : KeyType.values()) {
                Address created = wallets.create(Actor.system(), type, "at rest").address();
                keys.add(KeyFormat.HEX_LOTUS.importKey(wallets.export(Actor.system(), created, KeyFormat.HEX_LOTUS)));
                PrivateKey imported = PrivateKey.generate(type, new java.security.SecureRandom());
                HttpResponse<String> r = node.request("POST", "/api/v1/wallets/import", TestNode.JSON.writeValueAsString(
                    Map.of("format", "json-lotus", "key", KeyFormat.JSON_LOTUS.export(imported))), node.adminToken());
                assertEquals(201, r.statusCode(), r.body());
                keys.add(imported);
            }
            keys.add(new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED).orElseThrow());
            keys.forEach(k -> addresses.add(k.address()));
            assertTrue(addresses.stream().allMatch(wallets::has));
            HttpResponse<String> unlock = node.request("POST", "/api/v1/wallets/unlock", TestNode.JSON.writeValueAsString(
                Map.of("passphrase", TestNode.WALLET_PASSPHRASE)), node.adminToken());
            assertEquals(200, unlock.statusCode(), unlock.body());
        }

        byte[] db = concat(home.resolve("db"));
        // The search works: the addresses, stored in plain text, are found.
        for (Address a : addresses) {
            assertTrue(contains(db, a.toString().getBytes(StandardCharsets.US_ASCII)), "address " + a + " in the db files");
        }
        for (PrivateKey key : keys) {
            byte[] secret = key.bytes();
            for (byte[] form : List.of(secret, hex(secret).getBytes(StandardCharsets.US_ASCII),
                hex(secret).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(secret), Base64.getEncoder().withoutPadding().encode(secret),
                KeyFormat.HEX_LOTUS.export(key).getBytes(StandardCharsets.US_ASCII))) {
                assertFalse(contains(db, form), "the private key of " + key.address() + " is in the database files");
            }
        }

        byte[] logs = concat(home.resolve("logs"));
        assertTrue(contains(logs, "wallet store unlocked".getBytes(StandardCharsets.UTF_8)), "the log was captured");
        assertFalse(contains(logs, TestNode.WALLET_PASSPHRASE.getBytes(StandardCharsets.UTF_8)), "the passphrase is in the log");
        for (PrivateKey key : keys) {
            assertFalse(contains(logs, Base64.getEncoder().encode(key.bytes())), "a key is in the log");
            assertFalse(contains(logs, hex(key.bytes()).getBytes(StandardCharsets.US_ASCII)), "a key is in the log");
        }
    }

    @Test
    void aWrongPassphraseAtStartFailsTheStartNamingItsSourceAndTheRightOneStillWorks() throws IOException {
        TestNode.start(home).close(); // sets the passphrase
        Path file = home.resolve("wallet-passphrase");
        Files.writeString(file, "a wrong passphrase\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String config = Files.readString(home.resolve("config.toml"));
        Files.writeString(home.resolve("config.toml"), config + "\n[wallet]\npassphrase-file = \"" + file + "\"\n");

        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> Node.start(options()));
        assertTrue(wrong.getMessage().contains("passphrase from wallet.passphrase-file " + file + " is wrong"),
            wrong.getMessage());
        assertFalse(wrong.getMessage().contains("a wrong passphrase"), "the message never holds the passphrase");
        IllegalStateException fromOptions = assertThrows(IllegalStateException.class,
            () -> Node.start(options().withWalletPassphrase("another wrong one")));
        assertTrue(fromOptions.getMessage().contains("--wallet-passphrase-file"), fromOptions.getMessage());

        Files.writeString(file, TestNode.WALLET_PASSPHRASE + "\nignored second line\n");
        try (Node node = Node.start(options())) {
            assertEquals(LockState.UNLOCKED, node.wallets().lockState());
        }
    }

    @Test
    void withNoPassphraseANewStoreStartsNewAndItsFirstUnlockChoosesThePassphrase() {
        TestNode.writeConfig(home, "[chain]\nclock = \"manual\"\n");
        Node node = Node.start(options());
        try {
            WalletService wallets = node.wallets();
            assertEquals(LockState.NEW, wallets.lockState());
            WalletLockedException locked = assertThrows(WalletLockedException.class,
                () -> wallets.create(Actor.system(), KeyType.BLS, ""));
            assertTrue(locked.getMessage().contains("no passphrase yet"), locked.getMessage());
            assertTrue(wallets.list(Actor.system()).isEmpty(), "the funded key waits for the store to be unlocked");
            assertThrows(IllegalArgumentException.class, () -> wallets.unlock(Actor.system(), "short"));
            assertEquals(LockState.NEW, wallets.lockState());

            wallets.unlock(Actor.system(), "the first passphrase chosen");
            assertEquals(LockState.UNLOCKED, wallets.lockState());
            Address funded = new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED).orElseThrow().address();
            assertEquals(Optional.of(funded), wallets.defaultAddress(), "adopted at the first unlock");
            wallets.lock(Actor.system());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> wallets.unlock(Actor.system(), TestNode.WALLET_PASSPHRASE));
            assertTrue(refused.getMessage().startsWith("wrong wallet passphrase"), refused.getMessage());
            assertEquals(LockState.LOCKED, wallets.lockState());
            assertEquals(1, wallets.list(Actor.system()).size(), "a locked store lists its keys");
        } finally {
            node.stop();
        }
        Node again = Node.start(options().withWalletPassphrase("the first passphrase chosen"));
        try {
            assertEquals(LockState.UNLOCKED, again.wallets().lockState());
        } finally {
            again.stop();
        }
    }

    private NodeOptions options() {
        return new NodeOptions(home, "127.0.0.1:0", Optional.empty(), Clock.systemUTC());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Every file under {@code dir}, one after another. */
    private static byte[] concat(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.write(Files.readAllBytes(f));
                out.write(0);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
