package dev.granary.chain.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.cbor.CborException;
import dev.granary.multiformats.Cid;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The small tuples, checked against bytes written out by hand from Lotus' cbor_gen layouts. */
class SmallTypesTest {

    private static final HexFormat HEX = HexFormat.of();
    private final RandomChain random = new RandomChain(6_003);

    @Test
    void ticketIsAOneFieldTuple() {
        assertEquals("8143010203", HEX.formatHex(Ticket.CODEC.encode(new Ticket(new byte[] {1, 2, 3}))));
    }

    @Test
    void electionProofIsWinCountThenProof() {
        assertEquals("82214109", HEX.formatHex(ElectionProof.CODEC.encode(new ElectionProof(-2, new byte[] {9}))));
    }

    @Test
    void beaconEntryIsUnsignedRoundThenData() {
        assertEquals("821bffffffffffffffff410c",
            HEX.formatHex(BeaconEntry.CODEC.encode(new BeaconEntry(-1L, new byte[] {0x0c}))));
    }

    @Test
    void postProofIsRegisteredProofThenBytes() {
        assertEquals("82034107", HEX.formatHex(PoStProof.CODEC.encode(new PoStProof(3, new byte[] {7}))));
    }

    @Test
    void msgMetaIsBlsThenSecpRoot() {
        Cid bls = random.cid();
        Cid secp = random.cid();
        // tag 42, byte string of 39 bytes: the 0x00 multibase-identity prefix then the 38 CID bytes.
        String expected = "82" + "d82a5827" + "00" + HEX.formatHex(bls.bytes()) + "d82a5827" + "00"
            + HEX.formatHex(secp.bytes());

        assertEquals(expected, HEX.formatHex(MsgMeta.CODEC.encode(new MsgMeta(bls, secp))));
        assertEquals(new MsgMeta(bls, secp), MsgMeta.CODEC.decode(HEX.parseHex(expected)));
    }

    @Test
    void receiptV0HasThreeFieldsAndV1Four() {
        MessageReceipt v0 = new MessageReceipt(MessageReceipt.Version.V0, 16, new byte[] {1}, 100, null);
        MessageReceipt v1 = MessageReceipt.of(0, new byte[0], 1_000, null);

        assertEquals("831041011864", HEX.formatHex(MessageReceipt.CODEC.encode(v0)));
        assertEquals("8400401903e8f6", HEX.formatHex(MessageReceipt.CODEC.encode(v1)));
        assertEquals(v0, MessageReceipt.CODEC.decode(HEX.parseHex("831041011864")));
        assertEquals(v1, MessageReceipt.CODEC.decode(HEX.parseHex("8400401903e8f6")));
    }

    @Test
    void receiptWithEventsRootRoundTrips() {
        MessageReceipt receipt = MessageReceipt.of(-3, random.bytes(30), 5, random.cid());

        assertEquals(receipt, MessageReceipt.CODEC.decode(MessageReceipt.CODEC.encode(receipt)));
    }

    @Test
    void receiptWithAnotherFieldCountIsRejected() {
        CborException e = assertThrows(CborException.class, () -> MessageReceipt.CODEC.decode(HEX.parseHex("820040")));
        assertTrue(e.getMessage().contains("expected 3 fields (V0) or 4 (V1), found 2"), e.getMessage());
        IllegalArgumentException v0WithEvents = assertThrows(IllegalArgumentException.class,
            () -> new MessageReceipt(MessageReceipt.Version.V0, 0, null, 0, random.cid()));
        assertTrue(v0WithEvents.getMessage().contains("use V1"));
    }
}
