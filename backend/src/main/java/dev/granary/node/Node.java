package dev.granary.node;

import dev.granary.alerts.AlertRoutes;
import dev.granary.alerts.Alerts;
import dev.granary.api.RestApi;
import dev.granary.auth.AuthRoutes;
import dev.granary.auth.AuthServices;
import dev.granary.auth.InitialAdmin;
import dev.granary.chain.ChainApi;
import dev.granary.chain.clock.ManualClock;
import dev.granary.chain.rest.ChainRoutes;
import dev.granary.chain.rest.MessageRoutes;
import dev.granary.chain.rest.MpoolRoutes;
import dev.granary.chain.rest.StateRoutes;
import dev.granary.chain.service.ChainSetup;
import dev.granary.chain.service.LocalChain;
import dev.granary.control.ControlService;
import dev.granary.control.rest.ControlRoutes;
import dev.granary.db.Database;
import dev.granary.health.DatabaseHealth;
import dev.granary.health.DiskHealth;
import dev.granary.health.HealthRoutes;
import dev.granary.health.HealthService;
import dev.granary.health.KernelsHealth;
import dev.granary.health.RocksDbHealth;
import dev.granary.http.WebServer;
import dev.granary.http.WebUi;
import dev.granary.kernels.Kernels;
import dev.granary.kv.KvStore;
import dev.granary.messages.MessageService;
import dev.granary.messages.rest.OutgoingMessageRoutes;
import dev.granary.storage.StorageService;
import dev.granary.storage.index.StorageIndex;
import dev.granary.storage.rest.StorageFileRoutes;
import dev.granary.storage.rest.StorageRoutes;
import dev.granary.units.ByteSize;
import dev.granary.units.Durations;
import dev.granary.wallet.WalletService;
import dev.granary.wallet.rest.WalletRoutes;
import dev.granary.wallet.watermark.Watermarks;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Granary node. Start order: home lock, config, logs, kernels, database, RocksDB, chain, wallet
 * store, message service, watermarks, HTTP. Stop runs the reverse, so nothing writes to a closed store.
 */
public final class Node implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private final Home home;
    private final NodeConfig config;
    private final Clock clock;
    private final Kernels kernels;
    private final Database database;
    private final KvStore kv;
    private final NodeStatus status;
    private final HealthService health;
    private final PrometheusMeterRegistry metrics;
    private final RestApi api;
    private final AuthServices auth;
    private final LocalChain chain;
    private final Alerts alerts;
    private final WalletService wallets;
    private final MessageService messages;
    private final ControlService control;
    private final Watermarks watermarks;
    private final StorageService storage;
    private WebServer web;
    private final Optional<WebUi> ui;
    private final Deque<AutoCloseable> stopOrder;
    private volatile boolean stopped;

    private Node(Builder b) {
        this.home = b.home;
        this.config = b.config;
        this.clock = b.clock;
        this.kernels = b.kernels;
        this.database = b.database;
        this.kv = b.kv;
        this.status = b.status;
        this.health = b.health;
        this.metrics = b.metrics;
        this.api = b.api;
        this.auth = b.auth;
        this.chain = b.chain;
        this.alerts = b.alerts;
        this.wallets = b.wallets;
        this.messages = b.messages;
        this.control = b.control;
        this.watermarks = b.watermarks;
        this.storage = b.storage;
        this.ui = b.ui;
        this.stopOrder = b.stopOrder;
    }

    /** Starts a node; if any step fails, what was already started is stopped again and the error names the step. */
    public static Node start(NodeOptions options) {
        Builder b = new Builder();
        try {
            b.clock = options.clock();
            b.home = Home.resolve(options.home()).prepare();
            HomeLock lock = HomeLock.acquire(b.home.lockFile());
            b.stopOrder.push(lock);
            NodeConfig config = ConfigFile.loadOrCreate(b.home.configFile());
            b.config = options.listen() != null ? config.withListen(options.listen()) : config;
            b.config.server().listenAddress();
            Logging.configureForNode(b.home.logsDir(), b.config.logging());
            b.stopOrder.push(Logging::detachFiles);
            BuildInfo build = BuildInfo.current();
            log.info("starting Granary {} with home {}", build.version(), b.home.root());

            b.kernels = selectKernels(b.config.kernels().mode());
            b.database = Database.open(b.config.database(), b.home.databaseDir());
            b.stopOrder.push(b.database);
            b.kv = KvStore.open(b.home.rocksDbDir());
            b.stopOrder.push(b.kv);
            NodeIdentity identity = NodeIdentity.establish(b.database, b.kv, build, b.clock.instant());
            ChainSetup.Opened chain = ChainSetup.open(b.config.chain(), b.home.root(), b.kv, b.clock, options.importSnapshot());
            b.chain = chain.chain();
            b.stopOrder.push(chain.stopper());

            b.metrics = registry();
            b.health = new HealthService(List.of(
                new DatabaseHealth(b.database),
                new RocksDbHealth(b.kv),
                new KernelsHealth(b.kernels),
                new DiskHealth(b.home.root(), ByteSize.parse(b.config.health().minFreeDisk()))), b.clock);
            b.status = new NodeStatus(build, identity, b.home, b.clock.instant(), b.config.server().listen());
            b.auth = AuthServices.create(b.database.jdbi(), b.home.root(), b.config.auth(), b.clock);
            InitialAdmin.ensure(b.auth.users(), b.home.root(), System.getenv(InitialAdmin.ENV), System.out);
            LocalChain localChain = b.chain;
            b.alerts = new Alerts(b.database.jdbi(), b.clock);
            b.wallets = WalletService.open(b.database.jdbi(), b.config.wallet(), options.walletPassphrase(), localChain,
                b.auth.audit(), b.clock);
            b.wallets.adoptChainKeys(b.home.root());
            b.messages = MessageService.start(b.database.jdbi(), b.config.messages(), localChain, b.wallets,
                b.auth.audit(), b.alerts, b.clock);
            b.stopOrder.push(b.messages);
            b.control = ControlService.create(b.database.jdbi(), localChain, b.wallets, b.messages, b.auth.audit(), b.clock,
                dev.granary.fil.TokenAmount.parse(b.config.messages().maxFee()));
            b.watermarks = Watermarks.start(b.database.jdbi(), b.config.wallet(), localChain, b.wallets, b.messages,
                b.alerts, b.auth.audit(), b.clock);
            b.stopOrder.push(b.watermarks);
            b.storage = StorageService.start(new StorageIndex(b.database.jdbi()), identity.nodeId(), b.alerts,
                b.auth.audit(), b.clock, Durations.parse(b.config.storage().heartbeatInterval()),
                Durations.parse(b.config.storage().heartbeatTimeout()), b.kernels);
            b.storage.refuseAttaching(b.home.root());
            b.stopOrder.push(b.storage);
            b.api = new RestApi(List.of(new HealthRoutes(b.health), new NodeRoutes(b.status), new AuthRoutes(b.auth),
                    new ChainRoutes(localChain, localChain::manualClock), new StateRoutes(localChain),
                    new MessageRoutes(localChain), new MpoolRoutes(localChain), new AlertRoutes(b.alerts),
                    new WalletRoutes(b.wallets), new OutgoingMessageRoutes(b.messages),
                    new ControlRoutes(b.control, b.watermarks), new StorageRoutes(b.storage),
                    new StorageFileRoutes(b.storage)),
                build.version(), b.metrics, b.auth);
            b.ui = b.config.ui().enabled() ? options.webUi() : Optional.empty();
            b.ui.ifPresent(b.stopOrder::push);
            Node node = new Node(b);
            node.web = new WebServer(b.config.server().listenAddress(), b.api, b.metrics, b.auth,
                b.ui.map(u -> u.createHandler(node)).orElse(null));
            b.stopOrder.push(node.web::stop);
            node.web.start();
            log.info("Granary node {} serving {} (kernels: {}, database: {})", identity.nodeId(), node.baseUrl(),
                b.kernels.detail(), b.database.description());
            return node;
        } catch (RuntimeException e) {
            closeAll(b.stopOrder);
            throw e;
        }
    }

    private static Kernels selectKernels(String mode) {
        return switch (mode) {
            case "java" -> Kernels.java();
            case "native" -> Kernels.nativeKernels();
            default -> Kernels.best();
        };
    }

    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Stops in reverse start order; safe to call more than once. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("stopping Granary node {}", status.identity().nodeId());
        closeAll(stopOrder);
    }

    private static void closeAll(Deque<AutoCloseable> stack) {
        while (!stack.isEmpty()) {
            AutoCloseable next = stack.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.error("error while stopping: {}", e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean stopped() { return stopped; }
    public Home home() { return home; }
    public NodeConfig config() { return config; }
    public Clock clock() { return clock; }
    public Kernels kernels() { return kernels; }
    public Database database() { return database; }
    public KvStore kv() { return kv; }
    public NodeStatus status() { return status; }
    public HealthService health() { return health; }
    public PrometheusMeterRegistry metrics() { return metrics; }
    public RestApi api() { return api; }
    public AuthServices auth() { return auth; }
    public ChainApi chain() { return chain; }
    /** The chain's manual clock when config says chain.clock = "manual" (tests, demos); empty on wall time. */
    public Optional<ManualClock> manualClock() { return chain.manualClock(); }
    public Alerts alerts() { return alerts; }
    public WalletService wallets() { return wallets; }
    public MessageService messages() { return messages; }
    public ControlService control() { return control; }
    public Watermarks watermarks() { return watermarks; }
    public StorageService storage() { return storage; }
    public int port() { return web.port(); }

    public String baseUrl() {
        String host = config.server().listenAddress().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private static final class Builder {
        Home home;
        NodeConfig config;
        Clock clock;
        Kernels kernels;
        Database database;
        KvStore kv;
        NodeStatus status;
        HealthService health;
        PrometheusMeterRegistry metrics;
        RestApi api;
        AuthServices auth;
        LocalChain chain;
        Alerts alerts;
        WalletService wallets;
        MessageService messages;
        ControlService control;
        Watermarks watermarks;
        StorageService storage;
        Optional<WebUi> ui = Optional.empty();
        final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    }
}
