package dev.granary.chain.store;

import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborCodecs;
import dev.granary.cbor.CborReader;
import dev.granary.chain.amt.Amt;
import dev.granary.chain.amt.BlockSource;
import dev.granary.chain.amt.MemoryBlocks;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.types.MsgMeta;
import dev.granary.crypto.Bls;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A block's messages in the block store, laid out as Lotus does: each BLS message as an unsigned
 * {@link Message} block and each secp256k1 message as a {@link SignedMessage} block, keyed by its CID;
 * an AMT of each list's CIDs; and the {@link MsgMeta} of the two AMT roots, whose CID is the header's
 * Messages field. A malformed or incomplete AMT is an {@code AmtException}; a missing or undecodable
 * MsgMeta or message that a MsgMeta lists a {@link ChainStoreException}.
 */
public final class MessageStore {

    /** The tuple sizes of Message and SignedMessage: a stored message block is one or the other. */
    private static final int MESSAGE_FIELDS = 10;
    private static final int SIGNED_MESSAGE_FIELDS = 2;

    private final BlockStore blocks;

    public MessageStore(BlockStore blocks) {
        this.blocks = blocks;
    }

    /**
     * Stores a block's messages, in the order given, in one write batch, and returns what its header
     * carries. {@code bls} must be BLS-signed (the signatures go into the aggregate, not the store);
     * {@code secpk} must not be (secp256k1 or delegated signatures, as Lotus' SecpkMessages).
     */
    public StoredMessages put(List<SignedMessage> bls, List<SignedMessage> secpk) {
        requireSignatureKinds(bls, secpk);
        MemoryBlocks pending = new MemoryBlocks();
        List<Cid> blsCids = new ArrayList<>(bls.size());
        for (SignedMessage signed : bls) {
            blsCids.add(stage(pending, signed.message().toCbor()));
        }
        List<Cid> secpkCids = new ArrayList<>(secpk.size());
        for (SignedMessage signed : secpk) {
            secpkCids.add(stage(pending, signed.toCbor()));
        }
        MsgMeta meta = new MsgMeta(Amt.build(pending, blsCids, CborCodecs.CID), Amt.build(pending, secpkCids, CborCodecs.CID));
        Cid metaCid = stage(pending, MsgMeta.CODEC.encode(meta));
        blocks.putAll(pending.blocks());
        return new StoredMessages(metaCid, blsAggregate(bls));
    }

    /**
     * The aggregate of the BLS messages' signatures, as Lotus' block producer computes it. With no BLS
     * messages it is the point at infinity ({@code c0 00…00}, 96 bytes): Lotus puts exactly that, typed
     * BLS, in such a block's BLSAggregate (filecoin-ffi's zero signature).
     */
    public static Signature blsAggregate(List<SignedMessage> bls) {
        List<byte[]> signatures = bls.stream().map(signed -> signed.signature().data()).toList();
        return new Signature(SignatureType.BLS, Bls.aggregate(signatures));
    }

    /** The messages of the block whose header's Messages field is {@code msgMeta}. */
    public BlockMessages load(Cid msgMeta) {
        return load(blocks::get, msgMeta);
    }

    /** {@link #load(Cid)} from any source of blocks (a snapshot being checked reads only its own). */
    static BlockMessages load(BlockSource source, Cid msgMeta) {
        MsgMeta meta = require(source, msgMeta, MsgMeta.CODEC, "message list (MsgMeta) " + msgMeta);
        String listedBy = " (listed by MsgMeta " + msgMeta + ")";
        List<Message> bls = new ArrayList<>();
        for (Cid cid : Amt.read(source, meta.blsMessages(), CborCodecs.CID)) {
            bls.add(require(source, cid, Message.CODEC, "BLS message " + cid + listedBy));
        }
        List<SignedMessage> secpk = new ArrayList<>();
        for (Cid cid : Amt.read(source, meta.secpkMessages(), CborCodecs.CID)) {
            secpk.add(require(source, cid, SignedMessage.CODEC, "secp256k1 message " + cid + listedBy));
        }
        return new BlockMessages(bls, secpk);
    }

    /**
     * The message stored under {@code cid}, BLS or secp256k1, unsigned (Lotus' ChainGetMessage);
     * empty when no block has that CID or the block there is something else (a header, a MsgMeta, an
     * AMT node): blocks are stored under the hash of their bytes, so such a CID names no message.
     */
    public Optional<Message> message(Cid cid) {
        return blocks.get(cid).flatMap(MessageStore::unsignedMessage);
    }

    private static Optional<Message> unsignedMessage(byte[] bytes) {
        try {
            return switch (new CborReader(bytes).readArrayHeader()) {
                case MESSAGE_FIELDS -> Optional.of(Message.CODEC.decode(bytes));
                case SIGNED_MESSAGE_FIELDS -> Optional.of(SignedMessage.CODEC.decode(bytes).message());
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty(); // a 2-tuple that is not a SignedMessage (a MsgMeta), or not an array at all
        }
    }

    /** The block decoded; {@code what} names it (CID included) in the error when it is missing or malformed. */
    private static <T> T require(BlockSource source, Cid cid, CborCodec<T> codec, String what) {
        byte[] bytes = source.get(cid).orElseThrow(() -> new ChainStoreException(what
            + " is missing; store it (or import a snapshot holding it) before reading these messages"));
        try {
            return codec.decode(bytes);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ChainStoreException(what + " does not decode: " + e.getMessage());
        }
    }

    private static Cid stage(MemoryBlocks pending, byte[] block) {
        Cid cid = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, block);
        pending.put(cid, block);
        return cid;
    }

    private static void requireSignatureKinds(List<SignedMessage> bls, List<SignedMessage> secpk) {
        for (int i = 0; i < bls.size(); i++) {
            if (bls.get(i).signature().type() != SignatureType.BLS) {
                throw new IllegalArgumentException("BLS message " + i + " (" + bls.get(i).cid() + ") is signed with "
                    + bls.get(i).signature().type() + "; list it with the secp256k1 messages");
            }
        }
        for (int i = 0; i < secpk.size(); i++) {
            if (secpk.get(i).signature().type() == SignatureType.BLS) {
                throw new IllegalArgumentException("secp256k1 message " + i + " (" + secpk.get(i).cid()
                    + ") is BLS-signed; list it with the BLS messages, whose signatures are aggregated");
            }
        }
    }
}
