package dev.granary.chain.service;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.granary.chain.genesis.Genesis;
import dev.granary.chain.store.BlockStore;
import dev.granary.chain.store.ChainSnapshot;
import dev.granary.chain.store.MessageStore;
import dev.granary.chain.store.ReceiptStore;
import dev.granary.chain.store.StoredMessages;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.SignatureType;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/** The chain objects blocks name — message lists, receipts — and snapshots, as the service uses them. */
final class ChainObjects implements Genesis.Objects {

    private final KvStore kv;
    private final MessageStore messages;
    private final ReceiptStore receipts;

    ChainObjects(KvStore kv) {
        this.kv = kv;
        BlockStore blocks = new BlockStore(kv);
        this.messages = new MessageStore(blocks);
        this.receipts = new ReceiptStore(blocks);
    }

    /**
     * Stores a block's messages split as Lotus splits them (BLS ones unsigned, their signatures folded
     * into the aggregate the header carries; the rest signed).
     */
    StoredMessages storeMessages(List<SignedMessage> selected) {
        return messages.put(bls(selected), secpk(selected));
    }

    private static List<SignedMessage> bls(List<SignedMessage> all) {
        return all.stream().filter(m -> m.signature().type() == SignatureType.BLS).toList();
    }

    private static List<SignedMessage> secpk(List<SignedMessage> all) {
        return all.stream().filter(m -> m.signature().type() != SignatureType.BLS).toList();
    }

    BlockMessages blockMessages(Cid msgMeta) {
        return messages.load(msgMeta);
    }

    Optional<Message> message(Cid cid) {
        return messages.message(cid);
    }

    Cid storeReceipts(List<MessageReceipt> list) {
        return receipts.put(list);
    }

    List<MessageReceipt> receipts(Cid root) {
        return receipts.receipts(root);
    }

    Optional<MessageReceipt> receipt(Cid root, int index) {
        return receipts.receipt(root, index);
    }

    @Override
    public Cid emptyMessagesRoot() {
        return storeMessages(List.of()).messages();
    }

    @Override
    public Cid emptyReceiptsRoot() {
        return storeReceipts(List.of());
    }

    void exportSnapshot(TipSet head, OutputStream out) {
        ChainSnapshot.export(kv, head, out);
    }

    TipSet importSnapshot(InputStream in) {
        return ChainSnapshot.importCar(kv, in);
    }

    /**
     * The CIDs of a stored tipset's messages in the order they ran, which is the order of its receipts:
     * block by block, BLS messages then secp256k1 ones, each message once (Lotus' ApplyBlocks order).
     * Read from the stored blocks, so finding a receipt never re-executes a tipset or needs its state.
     */
    List<Cid> executionOrder(TipSet tipSet) {
        Set<Cid> seen = new LinkedHashSet<>();
        for (BlockHeader block : tipSet.blocks()) {
            BlockMessages stored = blockMessages(block.messages());
            stored.bls().forEach(m -> seen.add(m.cid()));
            stored.secpk().forEach(m -> seen.add(m.cid()));
        }
        return List.copyOf(seen);
    }
}
