package dev.granary.chain.service;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.granary.address.Address;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainStatus;
import dev.granary.chain.HeadChange;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.actors.market.MarketBalance;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.clock.ChainClock;
import dev.granary.chain.clock.ManualClock;
import dev.granary.chain.genesis.GenesisRecord;
import dev.granary.chain.mpool.MessagePool;
import dev.granary.chain.rand.DomainSeparationTag;
import dev.granary.chain.rand.Randomness;
import dev.granary.chain.state.MissingNodeException;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.BeaconEntry;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/** {@link ChainApi} over the embedded devnet: this node's own chain store, state, pool and producer. */
public final class LocalChain implements ChainApi {

    private final KvStore kv;
    private final ChainStore store;
    private final ChainObjects objects;
    private final TipSetExecutor executor;
    private final MessageIndex index;
    private final MessagePool mpool;
    private final GasEstimator gas;
    private final HeadListeners listeners;
    private final ChainClock clock;
    private final GenesisRecord genesis;
    private final ProducerLoop producer;
    private final HeadLock headLock;

    LocalChain(KvStore kv, ChainStore store, ChainObjects objects, TipSetExecutor executor, MessageIndex index,
               MessagePool mpool, GasEstimator gas, HeadListeners listeners, ChainClock clock, GenesisRecord genesis,
               ProducerLoop producer, HeadLock headLock) {
        this.kv = kv;
        this.store = store;
        this.objects = objects;
        this.executor = executor;
        this.index = index;
        this.mpool = mpool;
        this.gas = gas;
        this.listeners = listeners;
        this.clock = clock;
        this.genesis = genesis;
        this.producer = producer;
        this.headLock = headLock;
    }

    public ChainClock clock() {
        return clock;
    }

    /** The manual clock tests and demos advance; empty when the chain follows wall time. */
    public Optional<ManualClock> manualClock() {
        return clock instanceof ManualClock manual ? Optional.of(manual) : Optional.empty();
    }

    public GenesisRecord genesis() {
        return genesis;
    }

    @Override
    public TipSet chainHead() {
        return store.head().orElseThrow(() -> new IllegalStateException("the chain has no head; genesis was not created"));
    }

    @Override
    public TipSet chainGetTipSet(TipSetKey key) {
        if (key.isEmpty()) {
            return chainHead();
        }
        return store.loadTipSet(key).orElseThrow(() -> new NotFoundException("tipset " + key + " is not in the chain store"));
    }

    @Override
    public TipSet chainGetTipSetByHeight(long height, TipSetKey anchor) {
        if (height < 0) {
            throw new IllegalArgumentException("height must be non-negative, got " + height);
        }
        TipSet from = chainGetTipSet(anchor);
        if (height > from.height()) {
            throw new IllegalArgumentException("height " + height + " is above the anchor tipset's height " + from.height()
                + "; ask for a height at or below it");
        }
        if (from.equals(chainHead())) {
            return store.tipSetAtOrBefore(height).orElseThrow();
        }
        TipSet current = from;
        while (current.height() > height) {
            current = store.parent(current).orElseThrow();
        }
        return current;
    }

    @Override
    public BlockHeader chainGetBlock(Cid blockCid) {
        return store.block(blockCid).orElseThrow(() -> new NotFoundException("block " + blockCid + " is not in the chain store"));
    }

    @Override
    public BlockMessages chainGetBlockMessages(Cid blockCid) {
        return objects.blockMessages(chainGetBlock(blockCid).messages());
    }

    @Override
    public Message chainGetMessage(Cid messageCid) {
        return objects.message(messageCid)
            .or(() -> mpool.get(messageCid).map(SignedMessage::message))
            .orElseThrow(() -> new NotFoundException("message " + messageCid + " is neither on chain nor in the message pool"));
    }

    @Override
    public List<MessageReceipt> chainGetParentReceipts(Cid blockCid) {
        return objects.receipts(chainGetBlock(blockCid).parentMessageReceipts());
    }

    /** Reads the parent state of the tipset; a pruned state is a not-found naming the retention, not an internal error. */
    private <T> T readState(TipSetKey key, Function<StateQueries, T> read) {
        TipSet tipSet = chainGetTipSet(key);
        try {
            return read.apply(StateQueries.at(kv, tipSet.parentStateRoot()));
        } catch (MissingNodeException e) {
            throw new NotFoundException("the state of tipset " + tipSet.key() + " (height " + tipSet.height()
                + ") has been pruned: this node keeps the states of its most recent tipsets only (chain.state-retention); "
                + "ask about a more recent tipset");
        }
    }

    /** The state after the head's messages: what the next block builds on, and what the pool checks against. */
    private StateQueries headResult() {
        return StateQueries.at(kv, executor.executed(chainHead()).stateRoot());
    }

    @Override
    public Optional<ActorState> stateGetActor(Address address, TipSetKey tipSet) {
        return readState(tipSet, state -> state.actor(address));
    }

    @Override
    public Optional<Address> stateLookupId(Address address, TipSetKey tipSet) {
        return readState(tipSet, state -> state.lookupId(address));
    }

    @Override
    public Optional<Address> stateAccountKey(Address address, TipSetKey tipSet) {
        return readState(tipSet, state -> state.accountKey(address));
    }

    @Override
    public Optional<MinerInfo> stateMinerInfo(Address miner, TipSetKey tipSet) {
        return readState(tipSet, state -> state.minerInfo(miner));
    }

    @Override
    public List<Address> stateListMiners(TipSetKey tipSet) {
        return readState(tipSet, StateQueries::listMiners);
    }

    @Override
    public MarketBalance stateMarketBalance(Address address, TipSetKey tipSet) {
        return readState(tipSet, state -> state.marketBalance(address));
    }

    @Override
    public String stateNetworkName() {
        return genesis.networkName();
    }

    @Override
    public TokenAmount walletBalance(Address address) {
        return readState(TipSetKey.EMPTY, state -> state.actor(address)).map(ActorState::balance).orElse(TokenAmount.ZERO);
    }

    @Override
    public Cid mpoolPush(SignedMessage message) {
        return headLock.reading(() -> mpool.add(message, headResult(), nextBaseFee()));
    }

    @Override
    public List<SignedMessage> mpoolPending() {
        return mpool.pending();
    }

    @Override
    public long mpoolGetNonce(Address sender) {
        return headLock.reading(() -> mpool.nextNonce(sender, headResult()));
    }

    /** The base fee the next block's messages pay. */
    private TokenAmount nextBaseFee() {
        return executor.baseFeeAfter(chainHead());
    }

    @Override
    public Optional<MessageLookup> stateSearchMsg(Cid messageCid) {
        OptionalLong includedAt = index.includedAt(messageCid);
        TipSet head = chainHead();
        if (includedAt.isEmpty() || includedAt.getAsLong() >= head.height()) {
            return Optional.empty();
        }
        TipSet included = store.tipSetAtOrBefore(includedAt.getAsLong()).orElseThrow();
        TipSet execution = childOf(included, head);
        int position = objects.executionOrder(included).indexOf(messageCid);
        if (position < 0) {
            return Optional.empty();
        }
        MessageReceipt receipt = objects.receipt(execution.blocks().getFirst().parentMessageReceipts(), position)
            .orElseThrow(() -> new IllegalStateException("tipset " + execution.key() + " holds no receipt " + position
                + " for message " + messageCid + "; the chain store is damaged"));
        return Optional.of(new MessageLookup(messageCid, receipt, execution.key(), execution.height(), included.height()));
    }

    /** The tipset after {@code tipSet} on the chain ending at {@code head}. */
    private TipSet childOf(TipSet tipSet, TipSet head) {
        TipSet current = head;
        while (true) {
            TipSet parent = store.parent(current).orElseThrow();
            if (parent.equals(tipSet)) {
                return current;
            }
            current = parent;
        }
    }

    @Override
    public MessageLookup stateWaitMsg(Cid messageCid, long confidence, Duration timeout)
        throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<MessageLookup> found = stateSearchMsg(messageCid);
            if (found.isPresent() && chainHead().height() - found.get().height() >= confidence) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("message " + messageCid + (found.isPresent()
                    ? " was executed at height " + found.get().height() + " but has not reached confidence " + confidence
                    : " has not been executed") + " within " + timeout);
            }
            listeners.awaitChange(Math.min(left / 1_000_000, 1_000));
        }
    }

    @Override
    public Message gasEstimateMessageGas(Message message, Optional<TokenAmount> maxFee) {
        TipSet head = chainHead();
        ExecutedTipSet result = executor.executed(head);
        return gas.estimate(message, maxFee, result.stateRoot(), head.height() + 1, nextBaseFee(),
            mpool.pending(message.from()), recentPremiums(head));
    }

    private List<TokenAmount> recentPremiums(TipSet head) {
        List<TokenAmount> premiums = new ArrayList<>();
        for (TipSet tipSet : store.walkBack(head, GasEstimator.PREMIUM_LOOKBACK)) {
            for (BlockHeader block : tipSet.blocks()) {
                BlockMessages messages = objects.blockMessages(block.messages());
                messages.bls().forEach(m -> premiums.add(m.gasPremium()));
                messages.secpk().forEach(m -> premiums.add(m.message().gasPremium()));
            }
        }
        return premiums;
    }

    @Override
    public byte[] stateGetRandomnessFromBeacon(DomainSeparationTag tag, long epoch, byte[] entropy, TipSetKey tipSet) {
        TipSet at = chainGetTipSetByHeight(Math.max(0, epoch), tipSet);
        List<BeaconEntry> entries = at.blocks().getFirst().beaconEntries();
        return Randomness.fromBeacon(entries.getLast(), tag, epoch, entropy);
    }

    @Override
    public byte[] stateGetRandomnessFromTickets(DomainSeparationTag tag, long epoch, byte[] entropy, TipSetKey tipSet) {
        TipSet at = chainGetTipSetByHeight(Math.max(0, epoch), tipSet);
        return Randomness.fromTickets(at, tag, epoch, entropy);
    }

    @Override
    public ChainStatus chainStatus() {
        return new ChainStatus(genesis.networkName(), genesis.policy(), clock.currentEpoch(), chainHead(), nextBaseFee(),
            genesis.blockDelay(), genesis.genesisTime(), manualClock().isPresent() ? "manual" : "wall",
            producer.producing(), mpool.size());
    }

    @Override
    public void chainExport(OutputStream out) {
        objects.exportSnapshot(chainHead(), out);
    }

    @Override
    public AutoCloseable chainNotify(Consumer<HeadChange> listener) {
        listener.accept(new HeadChange(HeadChange.Type.CURRENT, chainHead()));
        return listeners.add(listener);
    }
}
