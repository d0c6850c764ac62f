package dev.granary.chain.actors.miner;

/** The storage miner actor's method numbers (builtin-actors miner); the devnet implements those listed with a description. */
public final class MinerMethods {

    /** Init only, from power's CreateMiner: params {@link MinerConstructorParams}. */
    public static final long CONSTRUCTOR = 1;
    /** Any caller: returns {@link GetControlAddressesReturn}. */
    public static final long CONTROL_ADDRESSES = 2;
    /** Owner only: params {@link ChangeWorkerAddressParams}. */
    public static final long CHANGE_WORKER_ADDRESS = 3;
    /** Owner, worker or control address: params {@link ChangePeerIdParams}. */
    public static final long CHANGE_PEER_ID = 4;
    public static final long SUBMIT_WINDOWED_POST = 5;
    public static final long APPLY_REWARDS = 14;
    /** Owner or beneficiary: params {@link WithdrawBalanceParams}, returns the amount withdrawn (big-integer bytes). */
    public static final long WITHDRAW_BALANCE = 16;
    /** Owner, worker or control address: params {@link ChangeMultiaddrsParams}. */
    public static final long CHANGE_MULTIADDRS = 18;
    /** Owner only, no params: applies the pending worker key once its epoch has come. */
    public static final long CONFIRM_CHANGE_WORKER_ADDRESS = 21;
    public static final long REPAY_DEBT = 22;
    /** Owner proposes, the proposed address confirms: params the new owner's ID address (a byte string). */
    public static final long CHANGE_OWNER_ADDRESS = 23;
    public static final long PRE_COMMIT_SECTOR_BATCH2 = 28;
    public static final long CHANGE_BENEFICIARY = 30;
    public static final long GET_BENEFICIARY = 31;

    private MinerMethods() {
    }
}
