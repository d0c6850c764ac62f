package dev.granary.chain.types;

import dev.granary.address.Address;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random chain values for round-trip and store tests: the same seed gives the same values. */
public final class RandomChain {

    private final Random random;

    public RandomChain(long seed) {
        this.random = new Random(seed);
    }

    public byte[] bytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    public Cid cid() {
        return Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, bytes(64));
    }

    public Address address() {
        return random.nextBoolean() ? Address.ofId(random.nextLong(0, Long.MAX_VALUE)) : Address.actor(bytes(40));
    }

    public Signature signature() {
        byte[] data = new byte[random.nextBoolean() ? 96 : 65];
        random.nextBytes(data);
        return new Signature(data.length == 96 ? SignatureType.BLS : SignatureType.SECP256K1, data);
    }

    public <T> T maybe(T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    public Ticket ticket() {
        byte[] proof = new byte[96];
        random.nextBytes(proof);
        return new Ticket(proof);
    }

    /** A header with every field random, pointer fields sometimes absent. */
    public BlockHeader header() {
        return header(random.nextLong(), randomCids(random.nextInt(4)), maybe(ticket()));
    }

    public BlockHeader header(long height, List<Cid> parents, Ticket ticket) {
        List<BeaconEntry> beacons = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            beacons.add(new BeaconEntry(random.nextLong(), bytes(96)));
        }
        List<PoStProof> posts = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            posts.add(new PoStProof(random.nextInt(20), bytes(192)));
        }
        return new BlockHeader(address(), ticket, maybe(new ElectionProof(random.nextLong(), bytes(96))), beacons,
            posts, parents, BigInt.of(new BigInteger(200, random)), height, cid(), cid(), cid(), maybe(signature()),
            random.nextLong(), maybe(signature()), random.nextLong(), TokenAmount.ofAtto(new BigInteger(90, random)));
    }

    public List<Cid> randomCids(int count) {
        List<Cid> cids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cids.add(cid());
        }
        return cids;
    }

    public Random random() {
        return random;
    }
}
