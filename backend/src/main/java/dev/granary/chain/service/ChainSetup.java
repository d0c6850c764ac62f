package dev.granary.chain.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.address.Address;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.beacon.DevnetBeacon;
import dev.granary.chain.clock.ChainClock;
import dev.granary.chain.clock.ManualClock;
import dev.granary.chain.clock.WallClock;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.chain.genesis.Genesis;
import dev.granary.chain.genesis.GenesisRecord;
import dev.granary.chain.mpool.MessagePool;
import dev.granary.chain.mpool.MpoolConfig;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.node.NodeConfig;
import dev.granary.units.Durations;

/**
 * Opens the node's chain: creates genesis on a fresh home (or imports a snapshot into one), continues
 * the recorded chain on an existing home, and starts producing. What the chain decided at genesis (the
 * {@link GenesisRecord}) wins over config.toml on later starts, and a difference is logged.
 */
public final class ChainSetup {

    private static final Logger log = LoggerFactory.getLogger(ChainSetup.class);

    private ChainSetup() {
    }

    /** The running chain and what must be closed when the node stops. */
    public record Opened(LocalChain chain, AutoCloseable stopper) {
    }

    public static Opened open(NodeConfig.Chain config, Path homeRoot, KvStore kv, Clock wallTime,
                              Optional<Path> importSnapshot) {
        ChainStore store = new ChainStore(kv);
        ChainObjects objects = new ChainObjects(kv);
        ChainKeyFiles keys = new ChainKeyFiles(homeRoot);
        SecureRandom random = new SecureRandom();
        PrivateKey producerKey = keys.loadOrCreate(ChainKeyFiles.PRODUCER, KeyType.BLS, random);
        PrivateKey beaconKey = keys.loadOrCreate(ChainKeyFiles.BEACON, KeyType.BLS, random);

        GenesisRecord genesis;
        if (importSnapshot.isPresent()) {
            genesis = importInto(store, objects, kv, config, importSnapshot.get(), producerKey, beaconKey);
        } else {
            genesis = GenesisRecord.read(kv).orElseGet(() -> newGenesisRecord(config, wallTime, producerKey, beaconKey));
            genesis.write(kv);
            if (store.head().isEmpty()) {
                PrivateKey funded = keys.loadOrCreate(ChainKeyFiles.FUNDED, KeyType.SECP256K1, random);
                TipSet created = Genesis.create(kv, store, objects, genesis, funded.address(),
                    TokenAmount.parse(config.fundedBalance()), TokenAmount.parse(config.rewardPool()), producerKey.address());
                log.info("created genesis {} of network {} (funded account {}, key in {})", created.key(),
                    genesis.networkName(), funded.address(), keys.file(ChainKeyFiles.FUNDED));
            }
        }
        warnAboutIgnoredConfig(config, genesis);

        TipSet head = store.head().orElseThrow();
        ChainClock clock = "manual".equals(config.clock())
            ? new ManualClock(genesis.genesisTime(), genesis.blockDelay(), head.height())
            : new WallClock(genesis.genesisTime(), genesis.blockDelay(), wallTime);
        MessageIndex index = new MessageIndex(kv);
        TipSetExecutor executor = new TipSetExecutor(kv, store, objects, index);
        executor.indexMessages(head, executor.executed(head));
        MessagePool mpool = MessagePool.open(kv, MpoolConfig.defaults());
        mpool.headChanged(StateQueries.at(kv, executor.executed(head).stateRoot()));
        HeadListeners listeners = new HeadListeners();
        StatePruner pruner = new StatePruner(kv, store, config.stateRetention(), config.pruneInterval());
        Address producerId = StateQueries.at(kv, executor.executed(head).stateRoot()).lookupId(producerKey.address())
            .orElse(producerKey.address());
        HeadLock headLock = new HeadLock();
        BlockProducer producer = new BlockProducer(store, executor, objects, mpool, clock, producerKey, producerId,
            new DevnetBeacon(beaconKey, genesis.networkName()), listeners, pruner, headLock);
        ProducerLoop loop = new ProducerLoop(clock);
        GasEstimator gas = new GasEstimator(kv, TokenAmount.parse(config.maxFee()));
        LocalChain chain = new LocalChain(kv, store, objects, executor, index, mpool, gas, listeners, clock, genesis, loop,
            headLock);
        if (config.produce()) {
            loop.start(() -> chain.chainHead().height(), producer::produce, listeners::awaitDelivered);
        }
        log.info("chain {} at height {} (head {}), {} clock, block delay {}, {}", genesis.networkName(), head.height(),
            head.key(), "manual".equals(config.clock()) ? "manual" : "wall", Durations.format(genesis.blockDelay()),
            config.produce() ? "producing" : "not producing");
        return new Opened(chain, loop);
    }

    private static GenesisRecord newGenesisRecord(NodeConfig.Chain config, Clock wallTime, PrivateKey producerKey,
                                                  PrivateKey beaconKey) {
        Duration delay = Durations.parse(config.blockDelay());
        Instant genesisTime = config.genesisTime().isBlank()
            ? Instant.ofEpochSecond(wallTime.instant().getEpochSecond())
            : parseGenesisTime(config.genesisTime());
        return new GenesisRecord(config.networkName(), config.policy(), delay, genesisTime, producerKey.address(),
            beaconKey.publicKey());
    }

    private static Instant parseGenesisTime(String text) {
        try {
            Instant parsed = Instant.parse(text);
            if (parsed.getNano() != 0) {
                throw new IllegalArgumentException("it has a fraction of a second");
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("chain.genesis-time '" + text + "' must be a whole-second UTC time such as "
                + "2026-11-21T12:00:00Z: " + e.getMessage(), e);
        }
    }

    private static GenesisRecord importInto(ChainStore store, ChainObjects objects, KvStore kv, NodeConfig.Chain config,
                                            Path snapshot, PrivateKey producerKey, PrivateKey beaconKey) {
        if (store.head().isPresent()) {
            throw new IllegalStateException("importing snapshot " + snapshot + ": this home already has a chain (head "
                + store.head().get().key() + "); import into a fresh home");
        }
        TipSet head;
        try (InputStream in = Files.newInputStream(snapshot)) {
            head = objects.importSnapshot(in);
        } catch (IOException e) {
            throw new UncheckedIOException("importing snapshot " + snapshot + ": " + e.getMessage(), e);
        }
        store.setHead(head);
        TipSet genesisTipSet = store.tipSetAtOrBefore(0).orElseThrow();
        StateQueries state = StateQueries.at(kv, head.parentStateRoot());
        Duration delay = head.height() == 0 ? Durations.parse(config.blockDelay())
            : Duration.ofSeconds((head.blocks().getFirst().timestamp() - genesisTipSet.blocks().getFirst().timestamp()) / head.height());
        GenesisRecord record = new GenesisRecord(state.networkName(), state.policy().name(), delay,
            Instant.ofEpochSecond(genesisTipSet.blocks().getFirst().timestamp()), producerKey.address(), beaconKey.publicKey());
        record.write(kv);
        log.info("imported snapshot {}: head {} at height {}, state root {}", snapshot, head.key(), head.height(),
            head.parentStateRoot());
        return record;
    }

    private static void warnAboutIgnoredConfig(NodeConfig.Chain config, GenesisRecord genesis) {
        if (!config.networkName().equals(genesis.networkName()) || !config.policy().equals(genesis.policy())
            || !Durations.parse(config.blockDelay()).equals(genesis.blockDelay())) {
            log.warn("chain.network-name/policy/block-delay in config.toml ({}, {}, {}) differ from this chain's genesis "
                + "({}, {}, {}); the chain keeps its own", config.networkName(), config.policy(), config.blockDelay(),
                genesis.networkName(), genesis.policy(), Durations.format(genesis.blockDelay()));
        }
    }
}
