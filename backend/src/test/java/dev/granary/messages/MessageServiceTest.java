package dev.granary.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.auth.Actor;
import dev.granary.crypto.KeyType;
import dev.granary.errors.ConflictException;
import dev.granary.fil.TokenAmount;
import dev.granary.testing.TestNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message service on a real node (manual chain clock, real H2, the wallet holding the chain's
 * funded key): nonces without gaps, concurrent senders, idempotency, the restart rule.
 */
class MessageServiceTest {

    private static final Actor SYSTEM = Actor.system();

    static TestNode start(Path home) {
        TestNode.writeConfig(home, "[messages]\nreplace-after-epochs = 3\nconfidence = 1\n");
        return TestNode.start(home);
    }

    static Address funded(TestNode node) {
        return node.node().wallets().defaultAddress().orElseThrow(() -> new AssertionError("no default wallet address"));
    }

    static Address newWallet(TestNode node, String label) {
        return node.node().wallets().create(SYSTEM, KeyType.SECP256K1, label).address();
    }

    static SendRequest transfer(Address from, Address to, TokenAmount value) {
        return SendRequest.transfer(from, to, value, Optional.empty());
    }

    @Test
    void aRefusedPushGivesItsNonceBackSoTheNextSendLeavesNoGap(@TempDir Path home) {
        try (TestNode node = start(home)) {
            MessageService messages = node.node().messages();
            Address from = funded(node);
            Address to = newWallet(node, "receiver");
            long chainNonce = node.node().chain().mpoolGetNonce(from);
            TokenAmount balance = node.node().chain().walletBalance(from);

            // Enough for the value, not for value + gas limit × fee cap: the pool refuses it.
            OutgoingMessage refused = messages.send(SYSTEM, transfer(from, to, balance.subtract(TokenAmount.ofAtto(1))));
            assertEquals(MessageState.REJECTED, refused.state());
            assertEquals(chainNonce, refused.nonce());
            assertTrue(refused.error().contains("insufficient_funds"), refused.error());

            OutgoingMessage sent = messages.send(SYSTEM, transfer(from, to, TokenAmount.ofFil(1)));
            assertEquals(MessageState.PUSHED, sent.state());
            assertEquals(chainNonce, sent.nonce(), "the next send takes the nonce the refused one gave back");

            node.advanceEpochs(3);
            OutgoingMessage done = messages.get(SYSTEM, sent.id());
            assertEquals(MessageState.CONFIRMED, done.state(), done.toString());
            assertEquals(0L, done.exitCode().orElseThrow());
            assertEquals(sent.cid(), done.executedCid().orElseThrow());
            assertEquals(TokenAmount.ofFil(1), node.node().chain().walletBalance(to));
            assertEquals(chainNonce + 1, node.node().chain().mpoolGetNonce(from));
        }
    }

    @Test
    void concurrentSendsFromOneAddressTakeConsecutiveNonces(@TempDir Path home) throws Exception {
        try (TestNode node = start(home)) {
            MessageService messages = node.node().messages();
            Address from = funded(node);
            Address to = newWallet(node, "receiver");
            long first = node.node().chain().mpoolGetNonce(from);
            int senders = 8;
            List<OutgoingMessage> sent = runTogether(senders, i -> messages.send(SYSTEM,
                transfer(from, to, TokenAmount.ofAtto(1_000 + i))));
            Set<Long> nonces = new HashSet<>();
            for (OutgoingMessage m : sent) {
                assertEquals(MessageState.PUSHED, m.state(), m.error());
                nonces.add(m.nonce());
            }
            Set<Long> expected = new HashSet<>();
            for (long n = first; n < first + senders; n++) {
                expected.add(n);
            }
            assertEquals(expected, nonces);

            node.advanceEpochs(3);
            for (OutgoingMessage m : sent) {
                assertEquals(MessageState.CONFIRMED, messages.get(SYSTEM, m.id()).state());
            }
            assertEquals(first + senders, node.node().chain().mpoolGetNonce(from));
        }
    }

    @Test
    void aRetriedSendWithTheSameIdempotencyKeySendsOnce(@TempDir Path home) throws Exception {
        try (TestNode node = start(home)) {
            MessageService messages = node.node().messages();
            Address from = funded(node);
            Address to = newWallet(node, "receiver");
            SendRequest request = SendRequest.transfer(from, to, TokenAmount.ofFil(2), Optional.of("pay-invoice-17"));

            MessageService.Sent first = messages.submit(SYSTEM, request);
            MessageService.Sent retry = messages.submit(SYSTEM, request);
            assertTrue(first.created());
            assertFalse(retry.created());
            assertEquals(first.message().id(), retry.message().id());
            assertEquals(first.message().cid(), retry.message().cid());

            SendRequest different = SendRequest.transfer(from, to, TokenAmount.ofFil(3), Optional.of("pay-invoice-17"));
            assertThrows(ConflictException.class, () -> messages.send(SYSTEM, different));

            // Concurrent retries of a new key: one message.
            SendRequest burst = SendRequest.transfer(from, to, TokenAmount.ofFil(1), Optional.of("pay-invoice-18"));
            List<OutgoingMessage> answers = runTogether(6, i -> messages.send(SYSTEM, burst));
            Set<Long> ids = new HashSet<>();
            answers.forEach(m -> ids.add(m.id()));
            assertEquals(1, ids.size(), "every concurrent retry answers with the one message: " + ids);

            node.advanceEpochs(3);
            assertEquals(TokenAmount.ofFil(3), node.node().chain().walletBalance(to), "2 FIL once and 1 FIL once");
            assertEquals(2, messages.list(SYSTEM, MessageQuery.recent(50)).items().size());
        }
    }

    @Test
    void aRestartPushesWhatWasRecordedButNotPushed(@TempDir Path home) {
        Address to;
        long recordedId;
        long nonce;
        try (TestNode node = start(home)) {
            Address from = funded(node);
            to = newWallet(node, "receiver");
            OutgoingMessage recorded = node.node().messages().recordWithoutPush(SYSTEM,
                transfer(from, to, TokenAmount.ofFil(5)));
            assertEquals(MessageState.RECORDED, recorded.state());
            recordedId = recorded.id();
            nonce = recorded.nonce();
            assertTrue(node.node().chain().mpoolPending().isEmpty(), "nothing was pushed");
        }
        try (TestNode node = TestNode.start(home)) {
            MessageService messages = node.node().messages();
            OutgoingMessage resumed = messages.get(SYSTEM, recordedId);
            assertEquals(MessageState.PUSHED, resumed.state(), "pushed again at start");
            assertEquals(1, node.node().chain().mpoolPending().size());
            OutgoingMessage next = messages.send(SYSTEM, transfer(funded(node), to, TokenAmount.ofFil(1)));
            assertEquals(nonce + 1, next.nonce(), "the next send takes the next nonce");
            node.advanceEpochs(3);
            assertEquals(MessageState.CONFIRMED, messages.get(SYSTEM, recordedId).state());
            assertEquals(MessageState.CONFIRMED, messages.get(SYSTEM, next.id()).state());
            assertEquals(TokenAmount.ofFil(6), node.node().chain().walletBalance(to));
        }
    }

    @Test
    void awaitReturnsTheFinalStateOnceConfirmed(@TempDir Path home) throws Exception {
        try (TestNode node = start(home)) {
            MessageService messages = node.node().messages();
            OutgoingMessage sent = messages.send(SYSTEM, transfer(funded(node), newWallet(node, "r"), TokenAmount.ofFil(1)));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<OutgoingMessage> waiting = pool.submit(() -> messages.await(SYSTEM, sent.id(),
                    java.time.Duration.ofMinutes(1)));
                node.advanceEpochs(3);
                OutgoingMessage done = waiting.get();
                assertEquals(MessageState.CONFIRMED, done.state());
                assertNotEquals(0L, done.gasUsed().orElseThrow());
            } finally {
                pool.shutdownNow();
            }
            assertThrows(java.util.concurrent.TimeoutException.class, () -> messages.await(SYSTEM,
                messages.send(SYSTEM, transfer(funded(node), newWallet(node, "s"), TokenAmount.ofFil(1))).id(),
                java.time.Duration.ofMillis(50)));
        }
    }

    interface Indexed<T> {
        T call(int i) throws Exception;
    }

    /** Runs {@code n} calls at once (released together) and returns their results in order. */
    static <T> List<T> runTogether(int n, Indexed<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    go.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
