package dev.granary.chain.mpool;

import static dev.granary.chain.mpool.MpoolFixture.ALICE;
import static dev.granary.chain.mpool.MpoolFixture.BASE_FEE;
import static dev.granary.chain.mpool.MpoolFixture.CAROL;
import static dev.granary.chain.mpool.MpoolFixture.DAVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.gas.GasConstants;
import dev.granary.crypto.PrivateKey;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;

class MessagePoolConcurrencyTest {

    static final int PER_SENDER = 30;

    @TempDir
    Path dir;

    @Test
    void concurrentAddsAndSelectionsSeeConsistentNonceRuns() throws Exception {
        try (KvStore kv = KvStore.open(dir.resolve("db"))) {
            StateQueries genesis = MpoolFixture.genesisState(kv);
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            AtomicInteger added = new AtomicInteger();
            pool.addListener(update -> added.incrementAndGet());
            List<List<SignedMessage>> bySender = new ArrayList<>();
            for (PrivateKey key : List.of(ALICE, CAROL, DAVE)) {
                List<SignedMessage> messages = new ArrayList<>();
                for (int nonce = 0; nonce < PER_SENDER; nonce++) {
                    messages.add(MpoolFixture.transfer(key, nonce));
                }
                bySender.add(messages);
            }
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                AtomicBoolean adding = new AtomicBoolean(true);
                Future<Integer> selector = threads.submit(() -> {
                    int rounds = 0;
                    while (adding.get() || rounds == 0) {
                        assertContiguousFromZero(pool.select(genesis, BASE_FEE, GasConstants.BLOCK_GAS_LIMIT, 10_000));
                        rounds++;
                    }
                    return rounds;
                });
                List<Future<?>> adders = new ArrayList<>();
                for (List<SignedMessage> messages : bySender) {
                    adders.add(threads.submit(() -> messages.forEach(m -> pool.add(m, genesis, BASE_FEE))));
                }
                for (Future<?> adder : adders) {
                    adder.get();
                }
                adding.set(false);
                selector.get();
            } finally {
                threads.shutdownNow();
            }
            assertEquals(3 * PER_SENDER, pool.size());
            assertEquals(3 * PER_SENDER, added.get());
            assertEquals(3 * PER_SENDER, pool.select(genesis, BASE_FEE, GasConstants.BLOCK_GAS_LIMIT, 10_000).size());
        }
    }

    private static void assertContiguousFromZero(List<SignedMessage> selected) {
        Map<String, Long> next = new HashMap<>();
        for (SignedMessage m : selected) {
            long expected = next.getOrDefault(m.message().from().toString(), 0L);
            assertEquals(expected, m.message().nonce(), "selection " + selected);
            next.put(m.message().from().toString(), expected + 1);
        }
    }
}
