package dev.granary.chain.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.address.Address;
import dev.granary.cbor.CborWriter;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.beacon.BeaconSchedule;
import dev.granary.chain.beacon.DevnetBeacon;
import dev.granary.chain.clock.ChainClock;
import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.mpool.MessagePool;
import dev.granary.chain.rand.DomainSeparationTag;
import dev.granary.chain.rand.Randomness;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.store.StoredMessages;
import dev.granary.chain.types.BeaconEntry;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.ElectionProof;
import dev.granary.chain.types.Ticket;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.message.SignedMessage;

/**
 * Makes each epoch's block. Devnet rule: until miners have power (the election by power and
 * WinningPoSt arrive with proving), the genesis producer — an account whose BLS key is the node's
 * producer key — wins every epoch with WinCount 1, and its block is the whole tipset.
 *
 * <p>A block at epoch e on head H carries the state after H's messages ran (ParentStateRoot), their
 * receipts, the base fee those results set, the beacon rounds since H, a ticket and an election proof
 * (BLS signatures of the producer key over DrawRandomness, as Lotus computes its VRFs), and the messages
 * selected from the pool that are valid on that state. Everything the block names is written before the
 * head moves, and the head moves in one atomic write, so a crash leaves the old head or the new one.
 */
final class BlockProducer {

    private static final Logger log = LoggerFactory.getLogger(BlockProducer.class);

    /** Devnet fork-choice weight: each block adds this much (there is no power to weigh by yet). */
    static final long WEIGHT_PER_BLOCK = 256;
    /** Lotus' BlockMessageLimit. */
    static final int MAX_MESSAGES_PER_BLOCK = 10_000;

    private final ChainStore store;
    private final TipSetExecutor executor;
    private final ChainObjects objects;
    private final MessagePool mpool;
    private final ChainClock clock;
    private final PrivateKey producerKey;
    private final Address producerId;
    private final DevnetBeacon beacon;
    private final HeadListeners listeners;
    private final StatePruner pruner;
    private final HeadLock headLock;

    BlockProducer(ChainStore store, TipSetExecutor executor, ChainObjects objects, MessagePool mpool, ChainClock clock,
                  PrivateKey producerKey, Address producerId, DevnetBeacon beacon, HeadListeners listeners,
                  StatePruner pruner, HeadLock headLock) {
        this.store = store;
        this.executor = executor;
        this.objects = objects;
        this.mpool = mpool;
        this.clock = clock;
        this.producerKey = producerKey;
        this.producerId = producerId;
        this.beacon = beacon;
        this.listeners = listeners;
        this.pruner = pruner;
        this.headLock = headLock;
    }

    /** Produces the block of {@code epoch} on the current head; empty when the head is already there. */
    synchronized Optional<TipSet> produce(long epoch) {
        TipSet head = store.head().orElseThrow(() -> new IllegalStateException("producing a block: the chain has no genesis"));
        if (epoch <= head.height()) {
            return Optional.empty();
        }
        ExecutedTipSet parent = executor.executed(head);
        TokenAmount baseFee = executor.baseFeeAfter(head);
        StateQueries state = StateQueries.at(executor.kv(), parent.stateRoot());
        List<SignedMessage> candidates = mpool.select(state, baseFee, GasConstants.BLOCK_GAS_LIMIT, MAX_MESSAGES_PER_BLOCK);

        TrialRun trial = executor.trial(parent, head.height(), epoch, baseFee, producerId, candidates);
        trial.invalid().forEach(r -> log.info("leaving message {} out of block {}: {} ({})", r.messageCid(), epoch,
            r.reason(), r.detail()));

        BlockHeader header = signed(unsignedHeader(head, parent, epoch, baseFee, trial.included()));
        TipSet tipSet = TipSet.of(header);
        ExecutedTipSet result = trial.executed(tipSet.key());
        headLock.moving(() -> {
            store.setHead(tipSet);
            executor.remember(result);
            mpool.headChanged(StateQueries.at(executor.kv(), result.stateRoot()));
        });
        executor.indexMessages(tipSet, result);
        if (epoch > head.height() + 1) {
            log.info("epochs {}…{} were null rounds", head.height() + 1, epoch - 1);
        }
        log.debug("produced block {} at epoch {} with {} messages", header.cid(), epoch, trial.included().size());
        pruner.afterHead(tipSet, result.stateRoot());
        listeners.applied(tipSet);
        return Optional.of(tipSet);
    }

    private BlockHeader unsignedHeader(TipSet head, ExecutedTipSet parent, long epoch, TokenAmount baseFee,
                                       List<SignedMessage> messages) {
        BeaconEntry previous = head.blocks().getFirst().beaconEntries().getLast();
        List<BeaconEntry> entries = beaconEntries(previous, epoch);
        BeaconEntry latest = entries.isEmpty() ? previous : entries.getLast();
        byte[] minerCbor = minerEntropy();
        byte[] ticketEntropy = concat(minerCbor, head.minTicket() == null ? new byte[0] : head.minTicket().vrfProof());
        Ticket ticket = new Ticket(vrf(Randomness.draw(latest.data(), DomainSeparationTag.TICKET_PRODUCTION, epoch - 1, ticketEntropy)));
        ElectionProof election = new ElectionProof(1,
            vrf(Randomness.draw(latest.data(), DomainSeparationTag.ELECTION_PROOF_PRODUCTION, epoch, minerCbor)));
        BigInt weight = BigInt.of(head.parentWeight().value()
            .add(java.math.BigInteger.valueOf(WEIGHT_PER_BLOCK * head.blocks().size())));
        StoredMessages stored = objects.storeMessages(messages);
        return new BlockHeader(producerId, ticket, election, entries, List.of(), head.key().cids(), weight, epoch,
            parent.stateRoot(), parent.receiptsRoot(), stored.messages(), stored.blsAggregate(),
            clock.timestamp(epoch), null, 0, baseFee);
    }

    /** The rounds since the parent's last entry, one per epoch up to this one ({@link BeaconSchedule}). */
    private List<BeaconEntry> beaconEntries(BeaconEntry previous, long epoch) {
        List<BeaconEntry> entries = new ArrayList<>();
        BeaconEntry last = previous;
        while (last.round() < BeaconSchedule.roundForEpoch(epoch)) {
            last = beacon.next(last);
            entries.add(last);
        }
        return entries;
    }

    private BlockHeader signed(BlockHeader header) {
        return header.withBlockSig(producerKey.sign(header.signingBytes()));
    }

    private byte[] vrf(byte[] input) {
        return producerKey.sign(input).data();
    }

    /** The miner address as CBOR bytes, the entropy Lotus mixes into tickets and election proofs. */
    private byte[] minerEntropy() {
        return new CborWriter().writeBytes(producerId.bytes()).toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
