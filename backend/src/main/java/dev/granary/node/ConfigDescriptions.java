package dev.granary.node;

import java.util.Map;

/** What each setting in config.toml does, written into the file above the setting. */
final class ConfigDescriptions {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
        Map.entry("server.listen", """
            Address of the one HTTP port: dashboard at /, REST at /api/v1, Prometheus at /metrics.
            Binding beyond loopback exposes the node; do it only behind TLS and with strong passwords.
            --listen on the command line overrides it."""),
        Map.entry("database.url", """
            JDBC URL of the relational database. Empty: the embedded H2 database under <home>/db.
            For PostgreSQL: "jdbc:postgresql://HOST:5432/granary"."""),
        Map.entry("database.username", "Database user (not used by the embedded database)."),
        Map.entry("database.password", """
            Database password. Prefer the GRANARY_DATABASE_PASSWORD environment variable, which wins over this."""),
        Map.entry("database.max-pool-size", "Most connections the node keeps open to the database."),
        Map.entry("auth.session-idle-timeout", """
            A dashboard session ends after this long without a request (e.g. 30m, 2h)."""),
        Map.entry("auth.session-token-lifetime", """
            Lifetime of the token POST /api/v1/session gives a script that signs in with a password."""),
        Map.entry("auth.sign-in-free-attempts", """
            Failed sign-ins in a row (per user and per client address) before each further try must wait."""),
        Map.entry("auth.sign-in-base-delay", "The first wait after the free attempts; it doubles with every further failure."),
        Map.entry("auth.sign-in-max-delay", "The longest wait between sign-in attempts."),
        Map.entry("kernels.mode", """
            Hashing and proving kernels: "auto" (native C when it loads, else Java), "native" (fail if the
            C library cannot load), or "java"."""),
        Map.entry("kernels.threads", "Threads for parallel kernels such as CommP. 0: one per CPU core."),
        Map.entry("logging.level", "Root log level: trace, debug, info, warn or error."),
        Map.entry("logging.max-file-size", "A log file in <home>/logs rolls over when it reaches this size."),
        Map.entry("logging.max-history", "Days of rolled log files to keep."),
        Map.entry("logging.total-size-cap", "Rolled log files are deleted, oldest first, beyond this total."),
        Map.entry("health.min-free-disk", """
            Health reports the disk as down (and /api/v1/health answers 503) when the home's file system has
            less free space than this."""),
        Map.entry("ui.enabled", "Serve the dashboard at /. Worker nodes usually turn it off."),
        Map.entry("chain.network-name", "Network name written into the genesis state (read once, at genesis)."),
        Map.entry("chain.policy", """
            Policy profile: "devnet" (short proving periods and delays for demos) or "mainnet" (Filecoin's
            constants). Read once, at genesis; the chain records it."""),
        Map.entry("chain.block-delay", "Time between epochs (e.g. 4s, 30s). Read once, at genesis."),
        Map.entry("chain.clock", """
            "wall": an epoch passes every block delay. "manual": epochs pass only when an admin advances the
            clock (POST /api/v1/chain/clock/advance, `granary chain advance N`); for tests and demos."""),
        Map.entry("chain.produce", "Produce a block every epoch. Off: the chain only advances when another node's blocks are imported."),
        Map.entry("chain.funded-balance", """
            Balance of the account created at genesis, whose key is written to <home>/chain/keys/funded.key."""),
        Map.entry("chain.reward-pool", "FIL held by the reward actor at genesis, paid out as block rewards."),
        Map.entry("chain.state-retention", """
            States of this many recent epochs stay readable; older ones are pruned and their space reclaimed."""),
        Map.entry("chain.prune-interval", "Prune old states every this many epochs."),
        Map.entry("chain.genesis-time", """
            Start of epoch 0, e.g. "2026-11-21T12:00:00Z". Empty: the moment genesis is created. Two nodes given
            the same genesis time and the same keys in <home>/chain/keys create the same genesis."""),
        Map.entry("wallet.passphrase-file", """
            File holding the wallet store's passphrase (first line). Empty: GRANARY_WALLET_PASSPHRASE, else a
            prompt when `granary run` has a terminal, else the store starts locked (unlock it in the dashboard
            or with POST /api/v1/wallets/unlock). Keep the file 0600 and off backups of the home."""),
        Map.entry("wallet.top-up-interval", "The least time between two watermark top-ups of the same address (e.g. 10m, 1h)."),
        Map.entry("messages.replace-after-epochs", """
            A message the node sent that is not on chain after this many epochs is replaced with a higher premium."""),
        Map.entry("messages.gas-overestimation", "The estimated gas limit of every message is multiplied by this (Lotus' GasOverEstimation)."),
        Map.entry("messages.max-fee", """
            The most one message may pay in fees (fee cap × gas limit); replacements never go above it."""),
        Map.entry("messages.replace-premium-factor", "Each replacement's premium is at least the previous one times this (Lotus: 1.25)."),
        Map.entry("messages.confidence", "Epochs built on top of a message's receipt before the node counts it as confirmed."),
        Map.entry("storage.heartbeat-interval", "How often this node stats and probes each of its storage paths."),
        Map.entry("storage.heartbeat-timeout", """
            A storage path with no successful heartbeat for this long is unhealthy and gets no new files."""),
        Map.entry("chain.max-fee", "Default most a message may pay in fees when the node estimates its gas."));

    private ConfigDescriptions() {}

    static String describe(String key) {
        String text = DESCRIPTIONS.get(key);
        if (text == null) {
            throw new IllegalStateException("config key " + key + " has no description in ConfigDescriptions");
        }
        return text.strip();
    }

    static boolean has(String key) {
        return DESCRIPTIONS.containsKey(key);
    }
}
