package dev.granary.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.granary.node.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: a HikariCP pool, Jdbi on top, schema migrated by Flyway at open. Embedded H2
 * runs in PostgreSQL mode so the one set of migrations in db-migrations serves both.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    public static final String PASSWORD_ENV = "GRANARY_DATABASE_PASSWORD";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;

    private Database(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.description = description;
    }

    /** Opens the configured database (embedded H2 under {@code embeddedDir} when no URL is set) and migrates it. */
    public static Database open(NodeConfig.Database config, Path embeddedDir) {
        String url = config.embedded() ? embeddedUrl(embeddedDir) : config.url();
        String password = System.getenv(PASSWORD_ENV) != null ? System.getenv(PASSWORD_ENV) : config.password();
        return open(url, config.username(), password, config.maxPoolSize());
    }

    public static Database open(String url, String username, String password, int maxPoolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        if (username != null && !username.isEmpty()) {
            hikari.setUsername(username);
        }
        if (password != null && !password.isEmpty()) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(maxPoolSize);
        hikari.setPoolName("granary-db");
        hikari.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        hikari.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IllegalStateException("opening database " + redact(url) + ": " + rootMessage(e), e);
        }
        Database db = new Database(dataSource, redact(url));
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw new IllegalStateException("migrating database " + redact(url) + ": " + rootMessage(e), e);
        }
        return db;
    }

    /** WRITE_DELAY=0: a commit reaches the file before it returns, so a kill -9 cannot lose committed rows (H2's default waits 500 ms). */
    static String embeddedUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("granary")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    private void migrate() {
        MigrateResult result = Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
        log.info("database {} at schema version {} ({} migration(s) applied now)", description,
            result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
            result.migrationsExecuted);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** URL without credentials, safe to log and show. */
    public String description() {
        return description;
    }

    /** Product name and version as the driver reports them, e.g. "H2 2.5.252". */
    public String productVersion() {
        return jdbi.withHandle(h -> {
            try {
                var meta = h.getConnection().getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading database product version: " + e.getMessage(), e);
            }
        });
    }

    /** A round trip to the database; throws if it is unreachable. */
    public void ping() {
        jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String redact(String url) {
        // JDBC URLs may carry password=... as a parameter; keep it out of logs and API responses.
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
