package dev.granary.chain.actors;

import static dev.granary.chain.actors.ActorChain.OTHER;
import static dev.granary.chain.actors.ActorChain.OWNER;
import static dev.granary.chain.actors.ActorChain.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.chain.actors.account.AccountMethods;
import dev.granary.chain.actors.cron.CronMethods;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.chain.actors.reward.AwardBlockRewardParams;
import dev.granary.chain.actors.reward.FilterEstimate;
import dev.granary.chain.actors.reward.RewardMethods;
import dev.granary.chain.actors.reward.ThisEpochRewardReturn;
import dev.granary.chain.vm.CallResult;
import dev.granary.chain.vm.ExitCode;
import dev.granary.fil.TokenAmount;

/** The account, cron, reward and power methods only the system or other actors may call, and the account's own. */
class SystemActorsTest {

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

    @Test
    void pubkeyAddressReturnsTheAccountKey() {
        CallResult result = chain.call(OTHER.address(), chain.id(WORKER.address()), AccountMethods.PUBKEY_ADDRESS, new byte[0]);
        assertEquals(ExitCode.OK, result.exitCode(), result.error());
        assertEquals(WORKER.address(), FilCodecs.ADDRESS.decode(result.returnValue()));
    }

    @Test
    void accountsTakeExportedMethodsAndRefuseTheRest() {
        chain.sendOk(OWNER, OTHER.address(), AccountMethods.FIRST_EXPORTED_METHOD + 5, new byte[0], TokenAmount.ofFil(1));
        String constructor = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, OTHER.address(), AccountMethods.CONSTRUCTOR,
                FilCodecs.ADDRESS.encode(OWNER.address()), TokenAmount.ZERO);
        assertTrue(constructor.contains("is not the system actor f00"), constructor);
        chain.sendFailing(ExitCode.ERR_UNHANDLED_MESSAGE, OWNER, OTHER.address(), 3, new byte[0], TokenAmount.ZERO);
    }

    @Test
    void systemOnlyMethodsRefuseAccounts() {
        byte[] award = AwardBlockRewardParams.CODEC.encode(new AwardBlockRewardParams(OWNER.address(), TokenAmount.ZERO,
                TokenAmount.ZERO, 1));
        String reward = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, SingletonActors.REWARD,
                RewardMethods.AWARD_BLOCK_REWARD, award, TokenAmount.ZERO);
        assertTrue(reward.startsWith("AwardBlockReward: caller"), reward);
        String cron = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, SingletonActors.CRON, CronMethods.EPOCH_TICK,
                new byte[0], TokenAmount.ZERO);
        assertTrue(cron.contains("is not the system actor f00"), cron);
        String tick = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, SingletonActors.POWER, PowerMethods.ON_EPOCH_TICK_END,
                new byte[0], TokenAmount.ZERO);
        assertTrue(tick.contains("is not the cron actor f03"), tick);
        String kpi = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, SingletonActors.REWARD,
                RewardMethods.UPDATE_NETWORK_KPI, FilCodecs.BIG_INT.encode(BigInteger.TEN), TokenAmount.ZERO);
        assertTrue(kpi.contains("is not the power actor f04"), kpi);
    }

    @Test
    void thisEpochRewardReportsTheRewardAsAnExactEstimate() {
        chain.advanceTo(3);
        CallResult result = chain.call(OTHER.address(), SingletonActors.REWARD, RewardMethods.THIS_EPOCH_REWARD, new byte[0]);
        assertEquals(ExitCode.OK, result.exitCode(), result.error());
        ThisEpochRewardReturn ret = ThisEpochRewardReturn.CODEC.decode(result.returnValue());
        assertEquals(chain.state().thisEpochReward().attoFil(), ret.thisEpochRewardSmoothed().estimate());
        assertEquals(BigInteger.ZERO, ret.thisEpochRewardSmoothed().velocity());
        assertEquals(BigInteger.ZERO, ret.thisEpochBaselinePower());
        assertEquals(FilterEstimate.exactly(BigInteger.ONE).position(), BigInteger.ONE.shiftLeft(128), "Q.128");
    }
}
