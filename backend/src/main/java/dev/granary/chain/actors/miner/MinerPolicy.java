package dev.granary.chain.actors.miner;

import java.nio.ByteBuffer;

import dev.granary.address.Address;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.FilCodecs;

/**
 * The miner actor's fixed limits (builtin-actors policy, the same on every network) and the proving
 * period arithmetic, which takes its period and deadline lengths from the {@link ChainPolicy}.
 */
public final class MinerPolicy {

    public static final int MAX_CONTROL_ADDRESSES = 10;
    public static final int MAX_PEER_ID_LENGTH = 128;
    /** Total bytes of all multiaddresses. */
    public static final int MAX_MULTIADDR_DATA = 1024;

    private MinerPolicy() {
    }

    /** The seed builtin-actors hashes for a miner's proving period offset: dag-cbor(address) ‖ epoch (i64 BE). */
    public static byte[] provingPeriodOffsetSeed(Address miner, long epoch) {
        byte[] address = FilCodecs.ADDRESS.encode(miner);
        return ByteBuffer.allocate(address.length + 8).put(address).putLong(epoch).array();
    }

    /** The offset from that seed's BLAKE2b-256 digest: its first 8 bytes (u64 BE) modulo the proving period. */
    public static long provingPeriodOffset(byte[] digest, ChainPolicy policy) {
        long first = ByteBuffer.wrap(digest, 0, 8).getLong();
        return Long.remainderUnsigned(first, policy.wpostProvingPeriod());
    }

    /** The start of the proving period containing {@code epoch} for a miner with {@code offset}. */
    public static long currentProvingPeriodStart(ChainPolicy policy, long epoch, long offset) {
        long period = policy.wpostProvingPeriod();
        long modulus = epoch % period;
        long progress = modulus >= offset ? modulus - offset : period - (offset - modulus);
        return epoch - progress;
    }

    public static long currentDeadlineIndex(ChainPolicy policy, long epoch, long periodStart) {
        return (epoch - periodStart) / policy.wpostChallengeWindow();
    }
}
