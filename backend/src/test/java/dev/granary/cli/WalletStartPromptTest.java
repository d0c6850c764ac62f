package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.node.Node;
import dev.granary.node.NodeOptions;
import dev.granary.testing.TestNode;
import dev.granary.wallet.LockState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `granary run` at a terminal with no passphrase configured: the prompt after start. */
class WalletStartPromptTest {

    @TempDir
    Path home;

    @Test
    void aNewStoreAsksTwiceARetypedTypoChangesNothingAndAWrongPassphraseCanBeRetried() {
        TestNode.writeConfig(home, "[chain]\nclock = \"manual\"\n");
        List<String> prompts = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Node node = Node.start(new NodeOptions(home, "127.0.0.1:0", Optional.empty(), Clock.systemUTC()))) {
            assertEquals(LockState.NEW, node.wallets().lockState());
            WalletStartPrompt.unlock(node, typed(prompts, "passphrase one", "passphrase 0ne", "passphrase one",
                "passphrase one"), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(List.of("Choose the wallet passphrase: ", "Type it again: ", "Choose the wallet passphrase: ",
                "Type it again: "), prompts);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("the two passphrases differ"), err.toString());
            assertEquals(LockState.UNLOCKED, node.wallets().lockState());
            node.wallets().lock(dev.granary.auth.Actor.system());

            prompts.clear();
            err.reset();
            WalletStartPrompt.unlock(node, typed(prompts, "passphrase 0ne", "passphrase one"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(List.of("Wallet passphrase: ", "Wallet passphrase: "), prompts, "an existing store asks once");
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("wrong wallet passphrase"), err.toString());
            assertEquals(LockState.UNLOCKED, node.wallets().lockState());

            node.wallets().lock(dev.granary.auth.Actor.system());
            err.reset();
            WalletStartPrompt.unlock(node, typed(prompts, "x1234567", "x1234568", "x1234569"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(LockState.LOCKED, node.wallets().lockState(), "three wrong answers leave it locked");
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("stays locked"), err.toString());
        }
    }

    private static PasswordPrompt typed(List<String> prompts, String... answers) {
        Deque<String> queue = new ArrayDeque<>(List.of(answers));
        return prompt -> {
            prompts.add(prompt);
            if (queue.isEmpty()) {
                throw new AssertionError("unexpected prompt: " + prompt);
            }
            return queue.removeFirst().toCharArray();
        };
    }
}
