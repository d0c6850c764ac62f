package dev.granary.chain.store;

import static dev.granary.chain.store.MessageFixtures.BLS_CAROL;
import static dev.granary.chain.store.MessageFixtures.BLS_DAVE;
import static dev.granary.chain.store.MessageFixtures.SECP_ALICE;
import static dev.granary.chain.store.MessageFixtures.SECP_BOB;
import static dev.granary.chain.store.MessageFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.cbor.CborCodecs;
import dev.granary.chain.amt.Amt;
import dev.granary.chain.amt.MemoryBlocks;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.types.MsgMeta;
import dev.granary.crypto.Bls;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {

    /** Lotus' MsgMeta of a block without messages, on every empty mainnet and calibnet block. */
    private static final Cid LOTUS_EMPTY_MSG_META = Cid.parse("bafy2bzacecmda75ovposbdateg7eyhwij65zklgyijgcjwynlklmqazpwlhba");
    /** The BLSAggregate Lotus writes in a block without BLS messages (Lotus JSON "Data", base64). */
    private static final byte[] LOTUS_EMPTY_AGGREGATE = Base64.getDecoder().decode(
        "wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    @TempDir
    Path dir;

    private final List<SignedMessage> bls = List.of(
        transfer(BLS_CAROL, SECP_ALICE.address(), 0, 10),
        transfer(BLS_DAVE, SECP_BOB.address(), 0, 20),
        transfer(BLS_CAROL, SECP_BOB.address(), 1, 30));
    private final List<SignedMessage> secpk = List.of(
        transfer(SECP_ALICE, BLS_CAROL.address(), 0, 40),
        transfer(SECP_BOB, BLS_DAVE.address(), 0, 50));

    @Test
    void aBlockWithoutMessagesGetsLotusEmptyMsgMetaAndAggregate() {
        try (KvStore kv = KvStore.open(dir)) {
            MessageStore store = new MessageStore(new BlockStore(kv));

            StoredMessages stored = store.put(List.of(), List.of());

            assertEquals(LOTUS_EMPTY_MSG_META, stored.messages());
            assertEquals(new Signature(SignatureType.BLS, LOTUS_EMPTY_AGGREGATE), stored.blsAggregate());
            assertEquals(new MsgMeta(Amt.EMPTY_ROOT, Amt.EMPTY_ROOT),
                new BlockStore(kv).get(stored.messages(), MsgMeta.CODEC).orElseThrow());
            assertEquals(BlockMessages.EMPTY, store.load(stored.messages()));
        }
    }

    @Test
    void messagesComeBackInOrderBlsOnesUnsigned() {
        try (KvStore kv = KvStore.open(dir)) {
            BlockStore blocks = new BlockStore(kv);
            StoredMessages stored = new MessageStore(blocks).put(bls, secpk);

            BlockMessages loaded = new MessageStore(blocks).load(stored.messages());

            assertEquals(bls.stream().map(SignedMessage::message).toList(), loaded.bls());
            assertEquals(secpk, loaded.secpk());
            assertEquals(List.of(bls.get(0).message(), bls.get(1).message(), bls.get(2).message(),
                secpk.get(0).message(), secpk.get(1).message()), loaded.unsigned());
            // A BLS message's block is the unsigned message: its signature survives only in the aggregate.
            assertEquals(bls.get(0).message(), Message.fromCbor(blocks.get(bls.get(0).cid()).orElseThrow()));
        }
    }

    @Test
    void theMsgMetaListsTheMessageCidsAsLotusComputesThem() {
        try (KvStore kv = KvStore.open(dir)) {
            StoredMessages stored = new MessageStore(new BlockStore(kv)).put(bls, secpk);
            // Lotus' validateMsgMeta: the two CID arrays built in a scratch store, then their MsgMeta.
            MemoryBlocks scratch = new MemoryBlocks();
            MsgMeta expected = new MsgMeta(
                Amt.build(scratch, bls.stream().map(m -> m.message().cid()).toList(), CborCodecs.CID),
                Amt.build(scratch, secpk.stream().map(SignedMessage::cid).toList(), CborCodecs.CID));

            assertEquals(expected.cid(), stored.messages());
        }
    }

    @Test
    void theAggregateVerifiesForTheBlsMessagesCids() {
        try (KvStore kv = KvStore.open(dir)) {
            Signature aggregate = new MessageStore(new BlockStore(kv)).put(bls, secpk).blsAggregate();

            List<byte[]> signedCids = bls.stream().map(m -> m.message().cid().bytes()).toList();
            List<byte[]> keys = bls.stream().map(m -> m.message().from().payload()).toList();
            assertEquals(SignatureType.BLS, aggregate.type());
            assertTrue(Bls.verifyAggregate(aggregate.data(), signedCids, keys));
            assertTrue(!Bls.verifyAggregate(aggregate.data(), signedCids.subList(0, 2), keys.subList(0, 2)));
        }
    }

    @Test
    void chainGetMessageGivesTheUnsignedMessageOfEitherKind() {
        try (KvStore kv = KvStore.open(dir)) {
            MessageStore store = new MessageStore(new BlockStore(kv));
            StoredMessages stored = store.put(bls, secpk);

            assertEquals(bls.get(1).message(), store.message(bls.get(1).cid()).orElseThrow());
            assertEquals(secpk.get(1).message(), store.message(secpk.get(1).cid()).orElseThrow());
            assertTrue(store.message(Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, new byte[] {1})).isEmpty());
            assertTrue(store.message(stored.messages()).isEmpty(), "a MsgMeta (a 2-tuple, like a SignedMessage) is no message");
            MsgMeta meta = MsgMeta.CODEC.decode(new BlockStore(kv).get(stored.messages()).orElseThrow());
            assertTrue(store.message(meta.blsMessages()).isEmpty(), "an AMT root is no message");
        }
    }

    @Test
    void eachListTakesOnlyItsKindOfSignature() {
        try (KvStore kv = KvStore.open(dir)) {
            MessageStore store = new MessageStore(new BlockStore(kv));

            IllegalArgumentException secpAsBls = assertThrows(IllegalArgumentException.class,
                () -> store.put(List.of(secpk.getFirst()), List.of()));
            IllegalArgumentException blsAsSecp = assertThrows(IllegalArgumentException.class,
                () -> store.put(List.of(), List.of(bls.getFirst())));

            assertTrue(secpAsBls.getMessage().contains("list it with the secp256k1 messages"), secpAsBls.getMessage());
            assertTrue(blsAsSecp.getMessage().contains("list it with the BLS messages"), blsAsSecp.getMessage());
        }
    }

    @Test
    void aMissingMessageIsNamed() {
        try (KvStore kv = KvStore.open(dir)) {
            BlockStore blocks = new BlockStore(kv);
            Cid neverStored = secpk.getFirst().cid();
            MemoryBlocks pending = new MemoryBlocks();
            MsgMeta meta = new MsgMeta(Amt.build(pending, List.of()), Amt.build(pending, List.of(neverStored), CborCodecs.CID));
            blocks.putAll(pending.blocks());
            Cid metaCid = blocks.put(MsgMeta.CODEC, meta);

            ChainStoreException e = assertThrows(ChainStoreException.class, () -> new MessageStore(blocks).load(metaCid));

            assertTrue(e.getMessage().contains("secp256k1 message " + neverStored), e.getMessage());
            assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        }
    }
}
