package dev.granary.chain.actors.miner;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;

/**
 * A miner actor's state object: builtin-actors' miner State without its linked collections, in the same
 * order: the tuple [Info, PreCommitDeposits, LockedFunds, FeeDebt, InitialPledge, ProvingPeriodStart,
 * CurrentDeadline, DeadlineCronActive].
 *
 * <p>{@code info} is the CID of the {@link MinerInfo}, stored as the trie entry
 * {@code StateKeys.minerInfo(id)} and checked against this CID on every read, as Filecoin links it.
 * The collections Filecoin links from here (VestingFunds, PreCommittedSectors and their clean-up queue,
 * AllocatedSectors, Sectors, Deadlines, EarlyTerminations) join as further trie-key tables under
 * {@code "miner/<table>/"} plus the miner ID, keyed by sector number or deadline index, so state stays
 * prunable and exportable; the funds fields here already carry their meaning (locked vesting rewards,
 * pre-commit deposits, pledge, debt) and are zero until sectors exist.
 */
public record MinerState(Cid info, TokenAmount preCommitDeposits, TokenAmount lockedFunds, TokenAmount feeDebt,
                         TokenAmount initialPledge, long provingPeriodStart, long currentDeadline,
                         boolean deadlineCronActive) {

    public static final CborCodec<MinerState> CODEC = CborCodec.tuple("MinerState", 8,
        (s, w) -> {
            w.writeCid(s.info());
            FilCodecs.TOKEN_AMOUNT.encode(s.preCommitDeposits(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.lockedFunds(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.feeDebt(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.initialPledge(), w);
            w.writeInt(s.provingPeriodStart()).writeUnsigned(s.currentDeadline()).writeBoolean(s.deadlineCronActive());
        },
        r -> new MinerState(r.readCid(), FilCodecs.TOKEN_AMOUNT.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r),
            FilCodecs.TOKEN_AMOUNT.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r), r.readInt(), r.readUnsigned(),
            r.readBoolean()));

    public MinerState {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(preCommitDeposits, "preCommitDeposits");
        Objects.requireNonNull(lockedFunds, "lockedFunds");
        Objects.requireNonNull(feeDebt, "feeDebt");
        Objects.requireNonNull(initialPledge, "initialPledge");
    }

    /** A new miner's state: no funds locked, no debt, its first proving period and deadline. */
    public static MinerState create(Cid info, long provingPeriodStart, long currentDeadline) {
        return new MinerState(info, TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO,
            provingPeriodStart, currentDeadline, false);
    }

    public MinerState withInfo(Cid newInfo) {
        return new MinerState(newInfo, preCommitDeposits, lockedFunds, feeDebt, initialPledge, provingPeriodStart,
            currentDeadline, deadlineCronActive);
    }

    public MinerState withFeeDebtRepaid() {
        return new MinerState(info, preCommitDeposits, lockedFunds, TokenAmount.ZERO, initialPledge, provingPeriodStart,
            currentDeadline, deadlineCronActive);
    }

    /** The balance not locked as vesting rewards, pre-commit deposits or pledge; may be negative if the state is inconsistent. */
    public TokenAmount unlockedBalance(TokenAmount actorBalance) {
        return actorBalance.subtract(lockedFunds).subtract(preCommitDeposits).subtract(initialPledge);
    }
}
