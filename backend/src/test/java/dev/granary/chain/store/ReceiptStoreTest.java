package dev.granary.chain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.chain.amt.Amt;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.MessageReceipt.Version;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptStoreTest {

    @TempDir
    Path dir;

    private static MessageReceipt v0(long exit, long gas) {
        return new MessageReceipt(Version.V0, exit, new byte[0], gas, null);
    }

    /**
     * filecoin-project/test-vectors corpus/msg_application/gas_cost--msg-ok-secp-bls-gas-costs--genesis.json:
     * the receipts root Lotus computed for a tipset whose two messages used 412268 and 423268 gas.
     */
    @Test
    void receiptsGetTheRootLotusComputedInAConformanceVector() {
        try (KvStore kv = KvStore.open(dir)) {
            Cid root = new ReceiptStore(new BlockStore(kv)).put(List.of(v0(0, 412268), v0(0, 423268)));

            assertEquals(Cid.parse("bafy2bzaceculd7xdxvdmbcld42uianuu6m6tw53i5xvsbiqp3yks6it7mcmh2"), root);
        }
    }

    @Test
    void noReceiptsGiveTheEmptyAmt() {
        try (KvStore kv = KvStore.open(dir)) {
            ReceiptStore store = new ReceiptStore(new BlockStore(kv));

            Cid root = store.put(List.of());

            assertEquals(Amt.EMPTY_ROOT, root);
            assertEquals(List.of(), store.receipts(root));
            assertTrue(store.receipt(root, 0).isEmpty());
        }
    }

    @Test
    void receiptsComeBackWholeAndByIndex() {
        List<MessageReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Cid events = i % 7 == 0 ? Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, new byte[] {(byte) i}) : null;
            receipts.add(MessageReceipt.of(i % 3, new byte[] {(byte) i}, 1_000 + i, events));
        }
        Cid root;
        try (KvStore kv = KvStore.open(dir)) {
            root = new ReceiptStore(new BlockStore(kv)).put(receipts);
        }

        try (KvStore kv = KvStore.open(dir)) {
            ReceiptStore store = new ReceiptStore(new BlockStore(kv));
            assertEquals(receipts, store.receipts(root));
            assertEquals(receipts.get(0), store.receipt(root, 0).orElseThrow());
            assertEquals(receipts.get(63), store.receipt(root, 63).orElseThrow());
            assertEquals(receipts.get(99), store.receipt(root, 99).orElseThrow());
            assertTrue(store.receipt(root, 100).isEmpty());
        }
    }
}
