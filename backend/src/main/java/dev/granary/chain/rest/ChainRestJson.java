package dev.granary.chain.rest;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.ChainStatus;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.market.MarketBalance;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.actors.miner.PendingBeneficiaryChange;
import dev.granary.chain.types.ChainJson;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSet;
import dev.granary.lotusjson.LotusJson;
import dev.granary.multiformats.Multibase;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the chain routes. Lotus' own types (tipsets, blocks, messages, receipts, MsgLookup,
 * MinerInfo, MarketBalance, Actor) keep Lotus' field names and encodings through {@link LotusJson} and
 * {@link ChainJson}; Granary's own answers (status, the actor summary) use camelCase.
 */
final class ChainRestJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How go-address writes address.Undef in JSON, e.g. MinerInfo.NewWorker with no change pending. */
    static final String UNDEF_ADDRESS = "<empty>";

    private final LotusJson lotus;
    private final ChainJson chain;

    /** Addresses as f…, as everywhere else in Granary. */
    static ChainRestJson mainnet() {
        return new ChainRestJson(new LotusJson(Network.MAINNET));
    }

    ChainRestJson(LotusJson lotus) {
        this.lotus = lotus;
        this.chain = new ChainJson(lotus);
    }

    LotusJson lotus() {
        return lotus;
    }

    ChainJson chain() {
        return chain;
    }

    String address(Address address) {
        return address.toString(lotus.network());
    }

    /** Lotus' api.BlockMessages, with its Cids: every message's CID, BLS ones first. */
    ObjectNode blockMessages(BlockMessages messages) {
        ObjectNode o = NODES.objectNode();
        o.set("BlsMessages", array(messages.bls(), lotus::message));
        o.set("SecpkMessages", array(messages.secpk(), lotus::signedMessage));
        ArrayNode cids = NODES.arrayNode();
        messages.bls().forEach(m -> cids.add(lotus.cid(m.cid())));
        messages.secpk().forEach(m -> cids.add(lotus.cid(m.cid())));
        o.set("Cids", cids);
        return o;
    }

    ArrayNode receipts(List<MessageReceipt> receipts) {
        return array(receipts, chain::receipt);
    }

    /** Lotus' MsgLookup (ReturnDec is always null: Granary does not decode return values), plus IncludedAt. */
    ObjectNode messageLookup(MessageLookup lookup) {
        ObjectNode o = NODES.objectNode();
        o.set("Message", lotus.cid(lookup.message()));
        o.set("Receipt", chain.receipt(lookup.receipt()));
        o.putNull("ReturnDec");
        o.set("TipSet", chain.tipSetKey(lookup.tipSet()));
        o.put("Height", lookup.height());
        o.put("IncludedAt", lookup.includedAt());
        return o;
    }

    /** Lotus' types.Actor (without the nv18 DelegatedAddress, which the devnet never has). */
    ObjectNode actor(ActorState actor) {
        ObjectNode o = NODES.objectNode();
        o.set("Code", lotus.cid(actor.code()));
        o.set("Head", lotus.cid(actor.head()));
        o.put("Nonce", new BigInteger(Long.toUnsignedString(actor.callSeqNum())));
        o.put("Balance", actor.balance().attoFil().toString());
        return o;
    }

    /** Granary's summary of the actor at an address: its addresses, kind and balance, and the Lotus Actor. */
    ObjectNode actorSummary(Address asked, ActorState actor, Optional<Address> id, Optional<Address> key) {
        ObjectNode o = NODES.objectNode();
        o.put("address", address(asked));
        o.put("idAddress", id.map(this::address).orElse(null));
        o.put("keyAddress", key.map(this::address).orElse(null));
        o.put("kind", actor.kind().map(BuiltinActor::actorName).orElse("unknown"));
        o.put("balance", actor.balance().attoFil().toString());
        o.set("actor", actor(actor));
        return o;
    }

    /**
     * Lotus' api.MinerInfo. With no worker change pending, NewWorker is "&lt;empty&gt;" and WorkerChangeEpoch
     * -1, as Lotus writes them.
     */
    ObjectNode minerInfo(MinerInfo info) {
        ObjectNode o = NODES.objectNode();
        o.put("Owner", address(info.owner()));
        o.put("Worker", address(info.worker()));
        o.put("NewWorker", info.pendingWorkerKey() == null ? UNDEF_ADDRESS : address(info.pendingWorkerKey().newWorker()));
        o.set("ControlAddresses", array(info.controlAddresses(), a -> NODES.stringNode(address(a))));
        o.put("WorkerChangeEpoch", info.pendingWorkerKey() == null ? -1 : info.pendingWorkerKey().effectiveAt());
        byte[] peer = info.peerId();
        o.put("PeerId", peer.length == 0 ? null : Multibase.BASE58BTC.encodeBare(peer));
        o.set("Multiaddrs", array(info.multiaddrs(), m -> NODES.stringNode(Base64.getEncoder().encodeToString(m))));
        o.put("WindowPoStProofType", info.windowPoStProofType());
        o.put("SectorSize", info.sectorSize());
        o.put("WindowPoStPartitionSectors", info.windowPoStPartitionSectors());
        o.put("ConsensusFaultElapsed", info.consensusFaultElapsed());
        o.put("PendingOwnerAddress", info.pendingOwnerAddress() == null ? null : address(info.pendingOwnerAddress()));
        o.put("Beneficiary", address(info.beneficiary()));
        o.set("BeneficiaryTerm", NODES.objectNode()
            .put("Quota", info.beneficiaryTerm().quota().attoFil().toString())
            .put("UsedQuota", info.beneficiaryTerm().usedQuota().attoFil().toString())
            .put("Expiration", info.beneficiaryTerm().expiration()));
        PendingBeneficiaryChange pending = info.pendingBeneficiaryTerm();
        o.set("PendingBeneficiaryTerm", pending == null ? null : NODES.objectNode()
            .put("NewBeneficiary", address(pending.newBeneficiary()))
            .put("NewQuota", pending.newQuota().attoFil().toString())
            .put("NewExpiration", pending.newExpiration())
            .put("ApprovedByBeneficiary", pending.approvedByBeneficiary())
            .put("ApprovedByNominee", pending.approvedByNominee()));
        return o;
    }

    ObjectNode marketBalance(MarketBalance balance) {
        ObjectNode o = NODES.objectNode();
        o.put("Escrow", balance.escrow().attoFil().toString());
        o.put("Locked", balance.locked().attoFil().toString());
        return o;
    }

    /** Granary's status (camelCase), with the head as a short summary and the recent block times. */
    ObjectNode status(ChainStatus s, List<BlockTime> recent) {
        ObjectNode o = NODES.objectNode();
        o.put("networkName", s.networkName());
        o.put("policy", s.policy());
        o.put("currentEpoch", s.currentEpoch());
        o.set("head", headSummary(s.head()));
        o.put("baseFee", s.baseFee().attoFil().toString());
        o.put("blockDelaySeconds", s.blockDelay() == null ? null : s.blockDelay().toMillis() / 1000.0);
        o.put("genesisTime", s.genesisTime() == null ? null : s.genesisTime().toString());
        o.put("clock", s.clock());
        o.put("producing", s.producing());
        o.put("mpoolSize", s.mpoolSize());
        o.set("recentBlockTimes", array(recent, this::blockTime));
        return o;
    }

    ObjectNode headSummary(TipSet head) {
        ObjectNode o = NODES.objectNode();
        o.put("height", head.height());
        o.set("cids", chain.tipSetKey(head.key()));
        o.put("timestamp", Instant.ofEpochSecond(head.minTimestamp()).toString());
        o.put("blocks", head.blocks().size());
        o.put("parentBaseFee", head.blocks().getFirst().parentBaseFee().attoFil().toString());
        return o;
    }

    private ObjectNode blockTime(BlockTime t) {
        ObjectNode o = NODES.objectNode();
        o.put("height", t.height());
        o.put("timestamp", Instant.ofEpochSecond(t.timestamp()).toString());
        o.put("blocks", t.blocks());
        if (t.secondsSinceParent() == null) {
            o.putNull("secondsSinceParent");
        } else {
            o.put("secondsSinceParent", t.secondsSinceParent());
        }
        o.put("nullRoundsBefore", t.nullRoundsBefore());
        return o;
    }

    static <T> ArrayNode array(List<T> items, Function<T, JsonNode> write) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(item -> a.add(write.apply(item)));
        return a;
    }

    /**
     * One tipset's place in the recent history.
     *
     * @param secondsSinceParent null for genesis
     * @param nullRoundsBefore   epochs without a block between the parent and this tipset
     */
    record BlockTime(long height, long timestamp, int blocks, Long secondsSinceParent, long nullRoundsBefore) {}
}
