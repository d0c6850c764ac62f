package dev.granary.node;

/**
 * Everything {@code config.toml} can set. Each record's {@code defaults()} is the one source of the
 * default values: the file written at first start and the parser both derive from it.
 */
public record NodeConfig(Server server, Database database, Auth auth, Kernels kernels, Logging logging,
                         Health health, Ui ui, Chain chain) {

    public static NodeConfig defaults() {
        return new NodeConfig(Server.defaults(), Database.defaults(), Auth.defaults(), Kernels.defaults(),
            Logging.defaults(), Health.defaults(), Ui.defaults(), Chain.defaults());
    }

    public NodeConfig withListen(String listen) {
        return new NodeConfig(new Server(listen), database, auth, kernels, logging, health, ui, chain);
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
}
