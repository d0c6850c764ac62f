package dev.granary.chain.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Network;
import dev.granary.lotusjson.LotusJson;
import dev.granary.lotusjson.LotusJsonException;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ChainJsonTest {

    private final ChainJson json = new ChainJson(new LotusJson(Network.TESTNET));
    private final RandomChain random = new RandomChain(6_300);
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** Through text and back, as a REST client would see it. */
    private JsonNode reparse(JsonNode node) {
        return mapper.readTree(mapper.writeValueAsString(node));
    }

    @Test
    void headersRoundTripThroughJsonText() {
        for (int i = 0; i < 200; i++) {
            BlockHeader header = random.header();
            assertEquals(header, ChainJson.blockHeader(reparse(json.blockHeader(header)), "block"));
        }
    }

    @Test
    void headerUsesLotusFieldNamesInOrder() {
        ObjectNode node = json.blockHeader(random.header(4, List.of(random.cid()), random.ticket()));
        List<String> names = new ArrayList<>(node.propertyNames());

        assertEquals(List.of("Miner", "Ticket", "ElectionProof", "BeaconEntries", "WinPoStProof", "Parents",
            "ParentWeight", "Height", "ParentStateRoot", "ParentMessageReceipts", "Messages", "BLSAggregate",
            "Timestamp", "BlockSig", "ForkSignaling", "ParentBaseFee"), names);
        assertTrue(node.get("Miner").asString().startsWith("t"), node.get("Miner").asString());
        assertTrue(node.get("ParentWeight").isString());
        assertTrue(node.get("Parents").get(0).has("/"));
    }

    @Test
    void tipSetAndKeyRoundTrip() {
        List<Cid> parents = random.randomCids(2);
        TipSet tipSet = TipSet.of(random.header(8, parents, random.ticket()), random.header(8, parents, random.ticket()));
        ObjectNode node = json.tipSet(tipSet);

        assertEquals(8, node.get("Height").asLong());
        assertEquals(tipSet, ChainJson.tipSet(reparse(node), "tipset"));
        assertEquals(tipSet.key(), ChainJson.tipSetKey(reparse(node.get("Cids")), "tipset.Cids"));
    }

    @Test
    void receiptRoundTripsWithAndWithoutEvents() {
        MessageReceipt plain = MessageReceipt.of(0, new byte[0], 10, null);
        MessageReceipt events = MessageReceipt.of(33, new byte[] {1, 2}, 99, random.cid());

        assertTrue(json.receipt(plain).get("Return").isNull());
        assertTrue(json.receipt(plain).get("EventsRoot").isNull());
        assertEquals(plain, ChainJson.receipt(reparse(json.receipt(plain)), "receipt"));
        assertEquals(events, ChainJson.receipt(reparse(json.receipt(events)), "receipt"));
    }

    @Test
    void aBadFieldIsNamedByItsPath() {
        ObjectNode node = json.blockHeader(random.header(4, List.of(random.cid()), random.ticket()));
        ((ObjectNode) node.get("Ticket")).put("VRFProof", 12);
        LotusJsonException e = assertThrows(LotusJsonException.class, () -> ChainJson.blockHeader(node, "block"));

        assertTrue(e.getMessage().startsWith("block.Ticket.VRFProof: expected base64"), e.getMessage());
    }
}
