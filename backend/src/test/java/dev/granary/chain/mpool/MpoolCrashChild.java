package dev.granary.chain.mpool;

import static dev.granary.chain.mpool.MpoolFixture.BASE_FEE;

import java.nio.file.Path;

import dev.granary.chain.actors.StateQueries;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * Run in its own JVM by {@link MessagePoolCrashTest}: adds {@link #MESSAGES} to the pool in the store
 * at args[0] on the state root args[1], prints READY, and waits to be killed without closing anything.
 */
public final class MpoolCrashChild {

    static final SignedMessage[] MESSAGES = {
        MpoolFixture.transfer(MpoolFixture.ALICE, 0),
        MpoolFixture.transfer(MpoolFixture.ALICE, 1),
        MpoolFixture.transfer(MpoolFixture.CAROL, 0),
        MpoolFixture.transfer(MpoolFixture.CAROL, 0, MpoolFixture.atto(1_250), MpoolFixture.atto(10_250)),
    };

    private MpoolCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        KvStore kv = KvStore.open(Path.of(args[0]));
        StateQueries state = StateQueries.at(kv, Cid.parse(args[1]));
        MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
        for (SignedMessage m : MESSAGES) {
            pool.add(m, state, BASE_FEE);
        }
        System.out.println("READY " + pool.size());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
