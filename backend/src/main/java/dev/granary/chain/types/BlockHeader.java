package dev.granary.chain.types;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborCodecs;
import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborWriter;
import dev.granary.crypto.Signature;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import java.util.List;
import java.util.Objects;

/**
 * A Filecoin block header exactly as Lotus encodes it (chain/types.BlockHeader and its cbor_gen
 * marshaller): a dag-cbor tuple of these 16 fields in this order. Pointer fields (ticket, election
 * proof, the two signatures) are CBOR null when absent; slices are arrays, empty rather than null;
 * the miner, weight, signatures and base fee are byte strings; height is a signed int64 and
 * timestamp and fork signaling are uint64 (held in a long's bits).
 *
 * <p>Its identity is {@link #cid()}: CIDv1, dag-cbor, blake2b-256 of the encoding. The producer
 * signs {@link #signingBytes()}, the encoding with BlockSig null, as Lotus' SigningBytes.
 */
public record BlockHeader(Address miner, Ticket ticket, ElectionProof electionProof, List<BeaconEntry> beaconEntries,
                          List<PoStProof> winPoStProof, List<Cid> parents, BigInt parentWeight, long height,
                          Cid parentStateRoot, Cid parentMessageReceipts, Cid messages, Signature blsAggregate,
                          long timestamp, Signature blockSig, long forkSignaling, TokenAmount parentBaseFee) {

    public static final int FIELDS = 16;

    private static final CborCodec<Ticket> TICKET = CborCodecs.nullable(Ticket.CODEC);
    private static final CborCodec<ElectionProof> ELECTION = CborCodecs.nullable(ElectionProof.CODEC);
    private static final CborCodec<List<BeaconEntry>> BEACONS = CborCodecs.listOf(BeaconEntry.CODEC);
    private static final CborCodec<List<PoStProof>> POSTS = CborCodecs.listOf(PoStProof.CODEC);
    private static final CborCodec<List<Cid>> CIDS = CborCodecs.listOf(CborCodecs.CID);

    public static final CborCodec<BlockHeader> CODEC = CborCodec.tuple("BlockHeader", FIELDS,
        BlockHeader::encodeFields, BlockHeader::decodeFields);

    public BlockHeader {
        Objects.requireNonNull(miner, "miner");
        beaconEntries = beaconEntries == null ? List.of() : List.copyOf(beaconEntries);
        winPoStProof = winPoStProof == null ? List.of() : List.copyOf(winPoStProof);
        parents = parents == null ? List.of() : List.copyOf(parents);
        Objects.requireNonNull(parentWeight, "parentWeight");
        Objects.requireNonNull(parentStateRoot, "parentStateRoot");
        Objects.requireNonNull(parentMessageReceipts, "parentMessageReceipts");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(parentBaseFee, "parentBaseFee");
    }

    private static void encodeFields(BlockHeader h, CborWriter w) {
        w.writeBytes(h.miner.bytes());
        TICKET.encode(h.ticket, w);
        ELECTION.encode(h.electionProof, w);
        BEACONS.encode(h.beaconEntries, w);
        POSTS.encode(h.winPoStProof, w);
        CIDS.encode(h.parents, w);
        w.writeBytes(h.parentWeight.bytes()).writeInt(h.height);
        w.writeCid(h.parentStateRoot).writeCid(h.parentMessageReceipts).writeCid(h.messages);
        writeSignature(h.blsAggregate, w);
        w.writeUnsigned(h.timestamp);
        writeSignature(h.blockSig, w);
        w.writeUnsigned(h.forkSignaling).writeBytes(h.parentBaseFee.bytes());
    }

    private static BlockHeader decodeFields(CborReader r) {
        return new BlockHeader(r.readBytesAs(Address::fromBytes), TICKET.decode(r), ELECTION.decode(r),
            BEACONS.decode(r), POSTS.decode(r), CIDS.decode(r), r.readBytesAs(BigInt::fromBytes), r.readInt(),
            r.readCid(), r.readCid(), r.readCid(), readSignature(r), r.readUnsigned(), readSignature(r),
            r.readUnsigned(), r.readBytesAs(TokenAmount::fromBytes));
    }

    private static void writeSignature(Signature s, CborWriter w) {
        if (s == null) {
            w.writeNull();
        } else {
            w.writeBytes(s.bytes());
        }
    }

    private static Signature readSignature(CborReader r) {
        return r.tryReadNull() ? null : r.readBytesAs(Signature::fromBytes);
    }

    public static BlockHeader fromCbor(byte[] bytes) {
        return CODEC.decode(bytes);
    }

    public byte[] toCbor() {
        return CODEC.encode(this);
    }

    /** CIDv1, dag-cbor, blake2b-256 of the whole header, signature included. */
    public Cid cid() {
        return CODEC.cid(this);
    }

    /** What the producing miner's worker key signs: the header encoded with BlockSig null. */
    public byte[] signingBytes() {
        return withBlockSig(null).toCbor();
    }

    public BlockHeader withBlockSig(Signature signature) {
        return new BlockHeader(miner, ticket, electionProof, beaconEntries, winPoStProof, parents, parentWeight, height,
            parentStateRoot, parentMessageReceipts, messages, blsAggregate, timestamp, signature, forkSignaling,
            parentBaseFee);
    }

    @Override
    public String toString() {
        return "BlockHeader[height " + height + ", miner " + miner + ", " + parents.size() + " parents, messages "
            + messages + "]";
    }
}
