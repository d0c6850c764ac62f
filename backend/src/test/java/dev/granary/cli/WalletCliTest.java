package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Role;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.testing.TestNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `granary wallet` against a real node, printing what `lotus wallet` prints. */
class WalletCliTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    static Path home;
    @TempDir
    static Path files;
    static NodeCli node;
    static PrivateKey funded;

    @BeforeAll
    static void start() {
        node = NodeCli.start(home);
        funded = new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED).orElseThrow();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static NodeCli.Run asAdmin(String... args) {
        return NodeCli.run(node.env(node.adminToken()), args);
    }

    private static String ok(NodeCli.Run run) {
        assertEquals(0, run.exitCode(), run.err());
        return run.out();
    }

    @Test
    void listShowsTheFundedDefaultKeyWithItsBalanceLikeLotus() {
        String out = ok(asAdmin("wallet", "list"));
        String[] lines = out.split(NL);
        assertTrue(lines[0].matches("Address +Balance +Nonce +Default +Label"), lines[0]);
        String fundedLine = lines[1];
        assertTrue(fundedLine.startsWith(funded.address().toString()), out);
        HttpResponse<String> actor = node.request("GET", "/api/v1/chain/actors/" + funded.address(), null, node.adminToken());
        String balance = dev.granary.fil.TokenAmount.ofAtto(new java.math.BigInteger(
            NodeCli.JSON.readTree(actor.body()).get("balance").asString())).toString();
        assertTrue(fundedLine.contains("  " + balance + "  "), out);
        assertTrue(fundedLine.matches(".*  X +devnet funded \\(genesis\\)"), out);

        String wide = ok(asAdmin("wallet", "list", "--id", "--market"));
        assertTrue(wide.split(NL)[0].matches("Address +ID +Balance +Nonce +Market\\(Avail\\) +Market\\(Locked\\) +Default +Label"),
            wide);
        assertTrue(wide.split(NL)[1].contains(" f0"), wide);
        assertTrue(ok(asAdmin("wallet", "list", "--addr-only")).startsWith(funded.address() + NL));

        assertEquals(funded.address() + NL, ok(asAdmin("wallet", "default")));
        assertEquals(balance + NL, ok(asAdmin("wallet", "balance")));
        assertEquals("0 FIL" + NL, ok(asAdmin("wallet", "balance",
            PrivateKey.generate(KeyType.BLS, new SecureRandom()).address().toString())), "no actor yet: zero, as Lotus");
    }

    @Test
    void newExportImportRoundTripAndSetDefault() throws IOException {
        String bls = ok(asAdmin("wallet", "new", "bls", "--label", "worker")).strip();
        assertTrue(bls.startsWith("f3"), bls);
        String secp = ok(asAdmin("wallet", "new")).strip();
        assertTrue(secp.startsWith("f1"), "secp256k1 by default, as Lotus: " + secp);

        String hex = ok(asAdmin("wallet", "export", bls)).strip();
        assertEquals(bls, KeyFormat.HEX_LOTUS.importKey(hex).address().toString());
        String json = ok(asAdmin("wallet", "export", "--format", "json-lotus", bls)).strip();
        assertEquals(bls, KeyFormat.JSON_LOTUS.importKey(json).address().toString());

        PrivateKey outside = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom());
        Path keyFile = files.resolve("outside.key");
        Files.writeString(keyFile, KeyFormat.HEX_LOTUS.export(outside) + "\n");
        assertEquals("imported key " + outside.address() + " successfully!" + NL,
            ok(asAdmin("wallet", "import", "--label", "from lotus", keyFile.toString())));
        NodeCli.Run twice = asAdmin("wallet", "import", keyFile.toString());
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("already in the wallet store"), twice.err());

        try {
            ok(asAdmin("wallet", "set-default", secp));
            assertEquals(secp + NL, ok(asAdmin("wallet", "default")));
        } finally {
            ok(asAdmin("wallet", "set-default", funded.address().toString()));
        }
        ok(asAdmin("wallet", "label", secp, "renamed"));
        assertTrue(ok(asAdmin("wallet", "list")).contains("renamed"));
    }

    @Test
    void signPrintsTheTypeByteAndSignatureInHexAndVerifyChecksIt() {
        String address = ok(asAdmin("wallet", "new", "secp256k1")).strip();
        String data = "48656c6c6f";
        String signature = ok(asAdmin("wallet", "sign", address, data)).strip();
        assertTrue(signature.matches("01[0-9a-f]{130}"), signature);
        assertEquals(signature, ok(asAdmin("wallet", "sign", address, data)).strip(), "RFC 6979: deterministic");

        assertEquals(new NodeCli.Run(0, "valid" + NL, ""), asAdmin("wallet", "verify", address, data, signature));
        NodeCli.Run invalid = asAdmin("wallet", "verify", address, "00", signature);
        assertEquals(1, invalid.exitCode());
        assertEquals("invalid" + NL, invalid.out());

        String bls = ok(asAdmin("wallet", "new", "bls")).strip();
        String blsSig = ok(asAdmin("wallet", "sign", bls, data)).strip();
        assertTrue(blsSig.matches("02[0-9a-f]{192}"), blsSig);
        assertEquals(0, asAdmin("wallet", "verify", bls, data, blsSig).exitCode());

        String record = ok(asAdmin("wallet", "signatures", "--address", bls));
        assertTrue(record.contains("granary wallet sign"), record);
        assertTrue(HexFormat.isHexDigit(signature.charAt(2)));
    }

    @Test
    void lockedStoreListsButRefusesToSignAndUnlockPromptsForThePassphrase() {
        String address = ok(asAdmin("wallet", "new")).strip();
        assertEquals("wallet store locked" + NL, ok(asAdmin("wallet", "lock")));
        try {
            String list = ok(asAdmin("wallet", "list"));
            assertTrue(list.contains("the wallet store is locked"), list);
            NodeCli.Run refused = asAdmin("wallet", "sign", address, "00");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().startsWith("granary wallet sign: signing with " + address + ": wallet locked: unlock"),
                refused.err());

            NodeCli.Run wrong = NodeCli.run(node.env(node.adminToken()), answers("not it"), "wallet", "unlock");
            assertEquals(1, wrong.exitCode());
            assertTrue(wrong.err().contains("wrong wallet passphrase"), wrong.err());
        } finally {
            NodeCli.Run unlocked = NodeCli.run(node.env(node.adminToken()), answers(TestNode.WALLET_PASSPHRASE),
                "wallet", "unlock");
            assertEquals(new NodeCli.Run(0, "wallet store unlocked" + NL, ""), unlocked);
        }
        ok(asAdmin("wallet", "sign", address, "00"));
    }

    @Test
    void deleteNeedsTheAddressRepeatedAndAnAdmin() {
        String address = ok(asAdmin("wallet", "new")).strip();
        String signer = node.signIn(newUser("wallet-cli-signer", Role.SIGNER), "pw-wallet-cli-signer-0123");
        NodeCli.Run notAdmin = NodeCli.run(node.env(signer), "wallet", "delete", address, "--confirm", address);
        assertEquals(1, notAdmin.exitCode());
        assertTrue(notAdmin.err().contains("'admin' permission"), notAdmin.err());
        NodeCli.Run unconfirmed = asAdmin("wallet", "delete", address);
        assertEquals(1, unconfirmed.exitCode());
        assertTrue(unconfirmed.err().contains("confirm by repeating the address"), unconfirmed.err());
        assertEquals("deleted " + address + NL, ok(asAdmin("wallet", "delete", address, "--confirm", address)));
        assertFalse(ok(asAdmin("wallet", "list", "--addr-only")).contains(address));
        NodeCli.Run json = asAdmin("wallet", "list", "--json");
        JsonNode body = NodeCli.JSON.readTree(ok(json));
        assertEquals(funded.address().toString(), body.get("default").asString());
    }

    private static String newUser(String username, Role role) {
        HttpResponse<String> r = node.request("POST", "/api/v1/users", "{\"username\": \"" + username
            + "\", \"password\": \"pw-" + username + "-0123\", \"role\": \"" + role.id() + "\"}", node.adminToken());
        assertEquals(201, r.statusCode(), r.body());
        return username;
    }

    private static PasswordPrompt answers(String... typed) {
        Deque<String> queue = new ArrayDeque<>(List.of(typed));
        return prompt -> {
            if (queue.isEmpty()) {
                throw new AssertionError("unexpected prompt: " + prompt);
            }
            return queue.removeFirst().toCharArray();
        };
    }
}
