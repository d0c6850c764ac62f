package dev.granary.chain.genesis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;

/**
 * What the node decided when it created (or imported) its chain, kept in RocksDB's meta column so a
 * restart continues the same chain whatever config.toml says now: the network name and policy (also in
 * the state), the block delay and genesis time (which fix every epoch's start), the genesis producer's
 * address and the beacon's public key.
 */
public record GenesisRecord(String networkName, String policy, Duration blockDelay, Instant genesisTime,
                            Address producer, byte[] beaconPublicKey) {

    private static final byte[] KEY = "chain/genesis".getBytes(StandardCharsets.UTF_8);

    static final CborCodec<GenesisRecord> CODEC = CborCodec.tuple("GenesisRecord", 6,
        (g, w) -> w.writeText(g.networkName).writeText(g.policy).writeUnsigned(g.blockDelay.toMillis())
            .writeUnsigned(g.genesisTime.getEpochSecond()).writeBytes(g.producer.bytes()).writeBytes(g.beaconPublicKey),
        r -> new GenesisRecord(r.readText(), r.readText(), Duration.ofMillis(r.readUnsigned()),
            Instant.ofEpochSecond(r.readUnsigned()), r.readBytesAs(Address::fromBytes), r.readBytes()));

    public GenesisRecord {
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(producer, "producer");
        beaconPublicKey = beaconPublicKey.clone();
        if (blockDelay.isNegative() || blockDelay.isZero() || blockDelay.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("block delay must be a positive whole number of seconds, got " + blockDelay);
        }
    }

    @Override
    public byte[] beaconPublicKey() {
        return beaconPublicKey.clone();
    }

    public static Optional<GenesisRecord> read(KvStore kv) {
        return Optional.ofNullable(kv.get(ColumnFamily.META, KEY)).map(CODEC::decode);
    }

    public void write(KvStore kv) {
        kv.putDurably(ColumnFamily.META, KEY, CODEC.encode(this));
    }
}
