package dev.granary.chain.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.fil.TokenAmount;
import dev.granary.address.Address;
import dev.granary.testing.TestNode;

/** Homes and messages for chain tests: same keys and genesis time give the same chain. */
final class ChainNodes {

    static final String GENESIS_TIME = "2026-11-21T12:00:00Z";

    private ChainNodes() {
    }

    /** A manual-clock chain config with a fixed genesis time, plus anything else the test needs. */
    static void configure(Path home, String extra) {
        TestNode.writeConfig(home, "[chain]\nclock = \"manual\"\ngenesis-time = \"" + GENESIS_TIME + "\"\n" + extra);
    }

    /** Puts the same funded, producer and beacon keys into each home before its first start. */
    static void shareKeys(Path... homes) {
        SecureRandom random = new SecureRandom();
        PrivateKey funded = PrivateKey.generate(KeyType.SECP256K1, random);
        PrivateKey producer = PrivateKey.generate(KeyType.BLS, random);
        PrivateKey beacon = PrivateKey.generate(KeyType.BLS, random);
        for (Path home : homes) {
            ChainKeyFiles keys = new ChainKeyFiles(home);
            write(keys, ChainKeyFiles.FUNDED, funded);
            write(keys, ChainKeyFiles.PRODUCER, producer);
            write(keys, ChainKeyFiles.BEACON, beacon);
        }
    }

    static void copyKeys(Path from, Path to) {
        try {
            Files.createDirectories(new ChainKeyFiles(to).dir());
            for (String name : new String[] {ChainKeyFiles.FUNDED, ChainKeyFiles.PRODUCER, ChainKeyFiles.BEACON}) {
                Files.copy(new ChainKeyFiles(from).file(name), new ChainKeyFiles(to).file(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ChainKeyFiles keys, String name, PrivateKey key) {
        try {
            Files.createDirectories(keys.dir());
            Files.writeString(keys.file(name), dev.granary.crypto.KeyFormat.HEX_LOTUS.export(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrivateKey fundedKey(Path home) {
        return new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED).orElseThrow();
    }

    /** A signed transfer with generous gas, as a wallet would send it. */
    static SignedMessage transfer(PrivateKey from, Address to, long nonce, TokenAmount value) {
        Message m = new Message(0, to, from.address(), nonce, value, 10_000_000, TokenAmount.ofAtto(10_000_000_000L),
            TokenAmount.ofAtto(200_000), 0, new byte[0]);
        return m.sign(from);
    }
}
