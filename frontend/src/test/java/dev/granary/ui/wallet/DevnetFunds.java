package dev.granary.ui.wallet;

import dev.granary.address.Address;
import dev.granary.auth.Actor;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.SendRequest;
import dev.granary.testing.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * FIL for the dashboard tests, from the devnet's funded genesis account. The wallet adopts that key at
 * start, so the transfers go through the node's message service like any other send (one nonce source).
 */
public final class DevnetFunds {

    private DevnetFunds() {}

    /** Sends one transfer per recipient, then advances the manual clock two epochs: one block includes
     * them, the next executes them (balances are read from the head's parent state, as Lotus does). */
    public static void fund(TestNode node, Path home, TokenAmount amount, Address... recipients) {
        Address funded = fundedKey(home).address();
        for (Address recipient : recipients) {
            OutgoingMessage sent = node.node().messages().send(Actor.system(),
                SendRequest.transfer(funded, recipient, amount, Optional.empty()));
            if (sent.state() != MessageState.PUSHED) {
                throw new IllegalStateException("funding " + recipient + ": " + sent);
            }
        }
        node.advanceEpochs(2);
    }

    private static PrivateKey fundedKey(Path home) {
        try {
            return KeyFormat.HEX_LOTUS.importKey(Files.readString(home.resolve("chain/keys/funded.key")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
