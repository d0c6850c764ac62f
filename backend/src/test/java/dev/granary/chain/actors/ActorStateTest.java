package dev.granary.chain.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.granary.fil.TokenAmount;

class ActorStateTest {

    @Test
    void legacyCodeCidsSpellTheActorName() {
        // The specs-actors v1 account code CID as Lotus printed it for Filecoin mainnet before nv10.
        assertEquals("bafkqadlgnfwc6mjpmfrwg33vnz2a", BuiltinActor.ACCOUNT.code().toString());
        for (BuiltinActor actor : BuiltinActor.values()) {
            assertEquals(actor, BuiltinActor.byCode(actor.code()).orElseThrow());
        }
    }

    @Test
    void encodesAsLotusActorTuple() {
        ActorState actor = new ActorState(BuiltinActor.ACCOUNT.code(), BuiltinActor.INIT.code(), 5, TokenAmount.ofAtto(256));
        byte[] bytes = ActorState.CODEC.encode(actor);
        String hex = HexFormat.of().formatHex(bytes);
        assertEquals("84", hex.substring(0, 2), "a 4-field array");
        // ... callSeqNum 5, then balance 256 as Filecoin big-int bytes: sign byte 00 then 01 00
        assertEquals(true, hex.endsWith("05" + "43" + "000100"), hex);
        assertEquals(actor, ActorState.CODEC.decode(bytes));
    }

    @Test
    void refusesNegativeBalance() {
        assertThrows(IllegalArgumentException.class, () -> new ActorState(BuiltinActor.ACCOUNT.code(),
                BuiltinActor.ACCOUNT.code(), 0, TokenAmount.ofAtto(-1)));
    }
}
