package dev.granary.chain.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.state.StateSession;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

class InitActorTest {

    @TempDir
    Path dir;
    KvStore kv;

    static final Address ALICE = Address.secp256k1(secpKey(1));
    static final Address BOB = Address.bls(new byte[48]);
    static final TokenAmount REWARD_POOL = TokenAmount.ofFil(500);

    @BeforeEach
    void open() {
        kv = KvStore.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        kv.close();
    }

    static byte[] secpKey(int seed) {
        byte[] key = new byte[65];
        key[0] = 0x04;
        key[1] = (byte) seed;
        return key;
    }

    private Cid genesis() {
        Map<Address, TokenAmount> alloc = new LinkedHashMap<>();
        alloc.put(ALICE, TokenAmount.ofFil(1000));
        return GenesisActors.create(kv, "granary-test", ChainPolicy.devnet(), alloc, REWARD_POOL, Duration.ofSeconds(4));
    }

    @Test
    void genesisHasSingletonsAndFundedAccount() {
        StateSession session = StateSession.on(kv, genesis());
        ActorTable actors = new ActorTable(session);
        InitActor init = new InitActor(actors);
        assertEquals(BuiltinActor.SYSTEM.code(), actors.require(SingletonActors.SYSTEM_ID).code());
        assertEquals(BuiltinActor.INIT.code(), actors.require(SingletonActors.INIT_ID).code());
        assertEquals(BuiltinActor.ACCOUNT.code(), actors.require(SingletonActors.BURNT_FUNDS_ID).code());
        assertEquals(BuiltinActor.REWARD.code(), actors.require(SingletonActors.REWARD_ID).code());
        assertEquals(BuiltinActor.CRON.code(), actors.require(SingletonActors.CRON_ID).code());
        assertEquals(BuiltinActor.POWER.code(), actors.require(SingletonActors.POWER_ID).code());
        assertEquals(BuiltinActor.MARKET.code(), actors.require(SingletonActors.MARKET_ID).code());
        assertEquals(REWARD_POOL, actors.require(SingletonActors.REWARD_ID).balance(), "the reward pool");
        assertEquals(ChainPolicy.devnet(), actors.readHead(SingletonActors.SYSTEM_ID, SystemState.CODEC).policy(),
            "the policy is recorded in the system actor's state");
        assertEquals(100L, init.lookupId(ALICE).orElseThrow(), "first ID is FirstNonSingletonActorId");
        assertEquals(101L, init.state().nextId());
        assertEquals("granary-test", init.state().networkName());
        assertEquals(TokenAmount.ofFil(1000), actors.require(100).balance());
        assertEquals(ALICE, actors.readHead(100, AccountState.CODEC).address());
        assertEquals(TokenAmount.ofFil(1000).add(REWARD_POOL), ActorChain.totalBalance(session));
    }

    @Test
    void registerAccountAllocatesOnceAndResolvesIds() {
        StateSession session = StateSession.on(kv, genesis());
        ActorTable actors = new ActorTable(session);
        InitActor init = new InitActor(actors);
        assertTrue(init.lookupId(BOB).isEmpty());
        long bob = init.registerAccount(BOB);
        assertEquals(101, bob);
        assertEquals(bob, init.registerAccount(BOB), "a second registration finds the same actor");
        assertEquals(102L, init.state().nextId());
        assertEquals(bob, init.lookupId(Address.ofId(bob)).orElseThrow());
        assertTrue(init.lookupId(Address.ofId(555)).isEmpty(), "an ID without an actor does not resolve");
        assertTrue(actors.require(bob).isAccount());
        assertEquals(TokenAmount.ZERO, actors.require(bob).balance());
        Cid root = session.commit();
        assertEquals(bob, new InitActor(new ActorTable(StateSession.on(kv, root))).lookupId(BOB).orElseThrow());
    }

    @Test
    void accountKeyResolvesAccountsOnly() {
        InitActor init = new InitActor(new ActorTable(StateSession.on(kv, genesis())));
        assertEquals(Optional.of(ALICE), init.accountKey(Address.ofId(100)), "an account's ID gives its key");
        assertEquals(Optional.of(ALICE), init.accountKey(ALICE));
        assertEquals(Optional.of(BOB), init.accountKey(BOB), "a key address is its own key before it has an actor");
        assertEquals(Optional.empty(), init.accountKey(SingletonActors.REWARD), "the reward actor is no account");
        assertEquals(Optional.empty(), init.accountKey(Address.ofId(555)), "no actor");
        assertEquals(Optional.empty(), init.accountKey(Address.actor(new byte[] {1, 2, 3})), "an unmapped f2");
    }

    @Test
    void onlyKeyAddressesGetAccounts() {
        InitActor init = new InitActor(new ActorTable(StateSession.on(kv, genesis())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> init.registerAccount(Address.actor(new byte[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("only f1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> init.registerAccount(Address.ofId(7)));
    }

    @Test
    void headMismatchIsReportedAsCorruption() {
        StateSession session = StateSession.on(kv, genesis());
        ActorTable actors = new ActorTable(session);
        ActorState alice = actors.require(100);
        actors.put(100, alice.withHead(BuiltinActor.INIT.code()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> actors.readHead(100, AccountState.CODEC));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void createRefusesAnExistingId() {
        ActorTable actors = new ActorTable(StateSession.on(kv, genesis()));
        assertNotNull(actors.get(100));
        assertThrows(IllegalStateException.class, () -> actors.create(100, BuiltinActor.ACCOUNT, AccountState.CODEC,
                new AccountState(BOB), TokenAmount.ZERO));
    }
}
