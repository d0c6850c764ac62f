package dev.granary.chain.actors.market;

import static dev.granary.chain.actors.ActorChain.CLIENT;
import static dev.granary.chain.actors.ActorChain.OTHER;
import static dev.granary.chain.actors.ActorChain.OWNER;
import static dev.granary.chain.actors.ActorChain.UNFUNDED;
import static dev.granary.chain.actors.ActorChain.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.vm.ExitCode;
import dev.granary.fil.TokenAmount;

class MarketActorTest {

    @TempDir
    Path dir;
    ActorChain chain;

    @BeforeEach
    void open() {
        chain = ActorChain.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        chain.close();
    }

    private static byte[] party(Address address) {
        return AddBalanceParams.CODEC.encode(new AddBalanceParams(address));
    }

    private static byte[] withdraw(Address party, TokenAmount amount) {
        return WithdrawBalanceParams.CODEC.encode(new WithdrawBalanceParams(party, amount));
    }

    @Test
    void aClientAddsAndWithdrawsItsOwnEscrow() {
        chain.sendOk(CLIENT, SingletonActors.MARKET, MarketMethods.ADD_BALANCE, party(CLIENT.address()), TokenAmount.ofFil(50));
        chain.sendOk(OTHER, SingletonActors.MARKET, MarketMethods.ADD_BALANCE, party(CLIENT.address()), TokenAmount.ofFil(5));
        assertEquals(new MarketBalance(TokenAmount.ofFil(55), TokenAmount.ZERO), chain.state().marketBalance(CLIENT.address()),
                "anyone may add to a party's escrow");
        assertEquals(TokenAmount.ofFil(55), chain.balance(SingletonActors.MARKET));

        TokenAmount before = chain.balance(CLIENT.address());
        byte[] ret = chain.sendOk(CLIENT, SingletonActors.MARKET, MarketMethods.WITHDRAW_BALANCE,
                withdraw(CLIENT.address(), TokenAmount.ofFil(20)), TokenAmount.ZERO);
        assertEquals(TokenAmount.ofFil(20), FilCodecs.TOKEN_AMOUNT.decode(ret));
        assertEquals(TokenAmount.ofFil(35), chain.state().marketBalance(CLIENT.address()).escrow());
        assertTrue(chain.balance(CLIENT.address()).subtract(before).compareTo(TokenAmount.ofFil(19)) > 0);

        byte[] capped = chain.sendOk(CLIENT, SingletonActors.MARKET, MarketMethods.WITHDRAW_BALANCE,
                withdraw(CLIENT.address(), TokenAmount.ofFil(1_000)), TokenAmount.ZERO);
        assertEquals(TokenAmount.ofFil(35), FilCodecs.TOKEN_AMOUNT.decode(capped), "never more than escrow − locked");
        assertEquals(MarketBalance.EMPTY, chain.state().marketBalance(CLIENT.address()));
        assertEquals(TokenAmount.ZERO, chain.balance(SingletonActors.MARKET));
        assertEquals(ActorChain.GENESIS_TOTAL, chain.totalBalance());
    }

    @Test
    void addBalanceRefusals() {
        String zero = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, CLIENT, SingletonActors.MARKET,
                MarketMethods.ADD_BALANCE, party(CLIENT.address()), TokenAmount.ZERO);
        assertTrue(zero.contains("must be positive"), zero);
        String unknown = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, CLIENT, SingletonActors.MARKET,
                MarketMethods.ADD_BALANCE, party(UNFUNDED.address()), TokenAmount.ofFil(1));
        assertTrue(unknown.contains("unable to resolve address"), unknown);
        String garbage = chain.sendFailing(ExitCode.ERR_SERIALIZATION, CLIENT, SingletonActors.MARKET,
                MarketMethods.ADD_BALANCE, new byte[] {0x01}, TokenAmount.ofFil(1));
        assertTrue(garbage.startsWith("AddBalance: cannot decode the parameters"), garbage);
        assertEquals(TokenAmount.ZERO, chain.balance(SingletonActors.MARKET), "the values went back");
    }

    @Test
    void onlyTheClientWithdrawsAClientEscrow() {
        chain.sendOk(CLIENT, SingletonActors.MARKET, MarketMethods.ADD_BALANCE, party(CLIENT.address()), TokenAmount.ofFil(10));
        String error = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OTHER, SingletonActors.MARKET,
                MarketMethods.WITHDRAW_BALANCE, withdraw(CLIENT.address(), TokenAmount.ofFil(1)), TokenAmount.ZERO);
        assertEquals("WithdrawBalance: caller " + chain.id(OTHER.address()) + " is not the client "
                + chain.id(CLIENT.address()), error);
        String negative = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, CLIENT, SingletonActors.MARKET,
                MarketMethods.WITHDRAW_BALANCE, withdraw(CLIENT.address(), TokenAmount.ofAtto(-5)), TokenAmount.ZERO);
        assertTrue(negative.contains("negative amount"), negative);
        assertEquals(TokenAmount.ofFil(10), chain.state().marketBalance(CLIENT.address()).escrow());
    }

    @Test
    void aProviderEscrowIsHeldByTheMinerAndPaidToItsOwner() {
        Address miner = chain.createMiner(TokenAmount.ZERO).idAddress();
        chain.sendOk(OTHER, SingletonActors.MARKET, MarketMethods.ADD_BALANCE, party(miner), TokenAmount.ofFil(8));
        assertEquals(TokenAmount.ofFil(8), chain.state().marketBalance(miner).escrow());

        String client = chain.sendFailing(ExitCode.ERR_FORBIDDEN, CLIENT, SingletonActors.MARKET,
                MarketMethods.WITHDRAW_BALANCE, withdraw(miner, TokenAmount.ofFil(1)), TokenAmount.ZERO);
        assertTrue(client.contains("is not the owner or worker of provider " + miner), client);

        TokenAmount ownerBefore = chain.balance(OWNER.address());
        byte[] ret = chain.sendOk(WORKER, SingletonActors.MARKET, MarketMethods.WITHDRAW_BALANCE,
                withdraw(miner, TokenAmount.ofFil(3)), TokenAmount.ZERO);
        assertEquals(TokenAmount.ofFil(3), FilCodecs.TOKEN_AMOUNT.decode(ret));
        assertEquals(ownerBefore.add(TokenAmount.ofFil(3)), chain.balance(OWNER.address()),
                "the worker withdrew, the owner was paid (and paid no gas)");
        assertEquals(TokenAmount.ofFil(5), chain.state().marketBalance(miner).escrow());
    }
}
