package dev.granary.node;

/**
 * Everything {@code config.toml} can set. Each record's {@code defaults()} is the one source of the
 * default values: the file written at first start and the parser both derive from it.
 */
public record NodeConfig(Server server, Database database, Auth auth, Kernels kernels, Logging logging,
                         Health health, Ui ui, Chain chain, Wallet wallet, Messages messages, Storage storage) {

    public static NodeConfig defaults() {
        return new NodeConfig(Server.defaults(), Database.defaults(), Auth.defaults(), Kernels.defaults(),
            Logging.defaults(), Health.defaults(), Ui.defaults(), Chain.defaults(), Wallet.defaults(),
            Messages.defaults(), Storage.defaults());
    }

    public NodeConfig withListen(String listen) {
        return new NodeConfig(new Server(listen), database, auth, kernels, logging, health, ui, chain, wallet,
            messages, storage);
    }

    public record Server(String listen) {
        static Server defaults() { return new Server("127.0.0.1:8080"); }

        public HostPort listenAddress() { return HostPort.parse(listen); }
    }

    public record Database(String url, String username, String password, int maxPoolSize) {
        static Database defaults() { return new Database("", "", "", 10); }

        public boolean embedded() { return url == null || url.isBlank(); }

        /** Never print the password, even by accident through a record's toString. */
        @Override
        public String toString() {
            return "Database[url=" + (embedded() ? "(embedded H2)" : url) + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "" : "***") + ", maxPoolSize="
                + maxPoolSize + "]";
        }
    }

    public record Auth(String sessionIdleTimeout, String sessionTokenLifetime, int signInFreeAttempts,
                       String signInBaseDelay, String signInMaxDelay) {
        static Auth defaults() { return new Auth("30m", "8h", 5, "2s", "15m"); }
    }

    public record Kernels(String mode, int threads) {
        static Kernels defaults() { return new Kernels("auto", 0); }

        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    public record Logging(String level, String maxFileSize, int maxHistory, String totalSizeCap) {
        static Logging defaults() { return new Logging("info", "50MiB", 14, "1GiB"); }
    }

    public record Health(String minFreeDisk) {
        static Health defaults() { return new Health("1GiB"); }
    }

    public record Ui(boolean enabled) {
        static Ui defaults() { return new Ui(true); }
    }

    /**
     * The embedded devnet chain. Network name, policy, block delay and the genesis amounts are read
     * once, when genesis is created; afterwards the chain's own record wins (see docs/chain.md).
     */
    public record Chain(String networkName, String policy, String blockDelay, String clock, boolean produce,
                        String fundedBalance, String rewardPool, long stateRetention, long pruneInterval,
                        String maxFee, String genesisTime) {
        static Chain defaults() {
            return new Chain("granary-devnet", "devnet", "4s", "wall", true, "50000000 FIL", "1100000000 FIL",
                2000, 100, "0.07 FIL", "");
        }
    }

    /**
     * The wallet store. The passphrase itself never goes in this file: it comes from
     * GRANARY_WALLET_PASSPHRASE, the file named here, or a prompt at start.
     *
     * @param topUpInterval the least time between two watermark top-ups of one address
     */
    public record Wallet(String passphraseFile, String topUpInterval) {
        static Wallet defaults() { return new Wallet("", "10m"); }
    }

    /**
     * The outgoing-message service (Lotus' [Fees] and message-signer settings).
     *
     * @param replaceAfterEpochs a pushed message not executed after this many epochs is replaced by fee
     * @param gasOverestimation  the estimated gas limit is multiplied by this (Lotus GasOverEstimation)
     * @param maxFee             the most one message may pay (fee cap × gas limit), also for replacements
     * @param replacePremiumFactor each replacement's premium is at least the old one times this (Lotus: 1.25)
     * @param confidence         epochs built on a message's receipt before it counts as confirmed
     */
    public record Messages(long replaceAfterEpochs, double gasOverestimation, String maxFee,
                           double replacePremiumFactor, long confidence) {
        static Messages defaults() { return new Messages(10, 1.25, "0.07 FIL", 1.25, 5); }
    }

    /**
     * Storage paths: how often this node proves each path alive, and how long a path may go without
     * that before it counts as unhealthy.
     */
    public record Storage(String heartbeatInterval, String heartbeatTimeout) {
        static Storage defaults() { return new Storage("10s", "50s"); }
    }
}
