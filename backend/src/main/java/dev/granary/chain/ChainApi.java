package dev.granary.chain;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.actors.market.MarketBalance;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.rand.DomainSeparationTag;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * The chain as the rest of Granary sees it, shaped like the Lotus full-node API so that an adapter
 * can later follow a real Lotus or Venus node instead of the embedded devnet. Everything above the
 * chain (wallets, messages, sealing, proving, REST, dashboard) uses only this interface.
 *
 * <p>A {@code TipSetKey} argument of {@link TipSetKey#EMPTY} means the current head, as an empty key
 * does in Lotus. State reads at a tipset see its parent state (the state its blocks were built on),
 * as Lotus' state API does. Lookups of things that do not exist throw
 * {@link dev.granary.errors.NotFoundException} naming what was asked for, except where the return type
 * is an Optional.
 */
public interface ChainApi {

    /** ChainHead. */
    TipSet chainHead();

    /** ChainGetTipSet. */
    TipSet chainGetTipSet(TipSetKey key);

    /** ChainGetTipSetByHeight: the tipset at {@code height} on the chain of {@code anchor}, or the one before a null round. */
    TipSet chainGetTipSetByHeight(long height, TipSetKey anchor);

    /** ChainGetBlock. */
    BlockHeader chainGetBlock(Cid blockCid);

    /** ChainGetBlockMessages: the block's BLS (unsigned) and secp256k1 (signed) messages. */
    BlockMessages chainGetBlockMessages(Cid blockCid);

    /** ChainGetMessage: any message on chain or in the pool, unsigned. */
    Message chainGetMessage(Cid messageCid);

    /** ChainGetParentReceipts: receipts of the messages executed to make this block's parent state, in order. */
    List<MessageReceipt> chainGetParentReceipts(Cid blockCid);

    /** StateGetActor. */
    Optional<ActorState> stateGetActor(Address address, TipSetKey tipSet);

    /** StateLookupID. */
    Optional<Address> stateLookupId(Address address, TipSetKey tipSet);

    /** StateAccountKey. */
    Optional<Address> stateAccountKey(Address address, TipSetKey tipSet);

    /** StateMinerInfo; empty when there is no miner actor at the address. */
    Optional<MinerInfo> stateMinerInfo(Address miner, TipSetKey tipSet);

    /** StateListMiners: the ID addresses of every miner with a power claim. */
    List<Address> stateListMiners(TipSetKey tipSet);

    /** StateMarketBalance. */
    MarketBalance stateMarketBalance(Address address, TipSetKey tipSet);

    /** StateNetworkName. */
    String stateNetworkName();

    /** WalletBalance: the balance at the head; zero for an address with no actor. */
    TokenAmount walletBalance(Address address);

    /** MpoolPush: checks and adds a signed message; a rejection says which check failed. */
    Cid mpoolPush(SignedMessage message);

    /** MpoolPending: every message waiting for inclusion. */
    List<SignedMessage> mpoolPending();

    /** MpoolGetNonce: the next nonce for {@code sender}, counting its pending messages. */
    long mpoolGetNonce(Address sender);

    /** StateSearchMsg: where a message was executed, if it has been. */
    Optional<MessageLookup> stateSearchMsg(Cid messageCid);

    /**
     * StateWaitMsg: waits until the message has been executed and {@code confidence} more tipsets have
     * been built on the one holding its receipt.
     */
    MessageLookup stateWaitMsg(Cid messageCid, long confidence, Duration timeout)
        throws InterruptedException, TimeoutException;

    /**
     * GasEstimateMessageGas: fills in gas limit (estimated × the overestimation factor), premium and
     * fee cap where they are zero, capping the fee at {@code maxFee} when given.
     */
    Message gasEstimateMessageGas(Message message, Optional<TokenAmount> maxFee);

    /** StateGetRandomnessFromBeacon. */
    byte[] stateGetRandomnessFromBeacon(DomainSeparationTag tag, long epoch, byte[] entropy, TipSetKey tipSet);

    /** StateGetRandomnessFromTickets. */
    byte[] stateGetRandomnessFromTickets(DomainSeparationTag tag, long epoch, byte[] entropy, TipSetKey tipSet);

    /** Granary's summary for operators: epoch, head, base fee, block time, whether this node produces. */
    ChainStatus chainStatus();

    /** ChainExport: a CARv1 snapshot of the head tipset, the headers back to genesis and the head's state. */
    void chainExport(OutputStream out);

    /**
     * ChainNotify: {@code listener} hears the current head at once on the caller's thread, then each new head,
     * in order, on a thread of its own (never the block producer's) until the returned handle is closed.
     */
    AutoCloseable chainNotify(Consumer<HeadChange> listener);
}
