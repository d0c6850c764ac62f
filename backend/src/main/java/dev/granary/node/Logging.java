package dev.granary.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.granary.units.ByteSize;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** Log destinations and levels at run time (Logback). */
public final class Logging {

    static final String PATTERN =
        "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36}%replace( [req %X{requestId}]){' \\[req \\]', ''} - %msg%n";
    private static final String FILE_APPENDER = "FILE";
    public static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private Logging() {}

    /** A running node logs to stdout and to rolling files under {@code <home>/logs}. */
    public static void configureForNode(Path logsDir, NodeConfig.Logging config) {
        LoggerContext ctx = context();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        consoleToStdout(ctx, root);
        root.detachAppender(FILE_APPENDER);
        root.addAppender(rollingFile(ctx, logsDir, config));
        root.setLevel(Level.toLevel(config.level(), Level.INFO));
    }

    private static void consoleToStdout(LoggerContext ctx, Logger root) {
        if (root.getAppender("CONSOLE") instanceof ConsoleAppender<ILoggingEvent> console
            && "System.err".equals(console.getTarget())) {
            ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
            stdout.setName("CONSOLE");
            stdout.setContext(ctx);
            stdout.setTarget("System.out");
            stdout.setEncoder(encoder(ctx));
            stdout.start();
            root.detachAppender(console);
            console.stop();
            root.addAppender(stdout);
        }
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext ctx, Path logsDir,
                                                                  NodeConfig.Logging config) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setName(FILE_APPENDER);
        file.setContext(ctx);
        file.setFile(logsDir.resolve("granary.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(file);
        policy.setFileNamePattern(logsDir.resolve("granary.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(new FileSize(ByteSize.parse(config.maxFileSize())));
        policy.setMaxHistory(config.maxHistory());
        policy.setTotalSizeCap(new FileSize(ByteSize.parse(config.totalSizeCap())));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(ctx));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /** Stops the file appender so the home can be released (and deleted, in tests). */
    public static void detachFiles() {
        Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
        var file = root.getAppender(FILE_APPENDER);
        if (file != null) {
            root.detachAppender(file);
            file.stop();
        }
    }

    /** Loggers with an explicitly set level, plus the root, as name -> level. */
    public static Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        for (Logger logger : context().getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel().toString().toLowerCase());
            }
        }
        return levels;
    }

    /** Sets a logger's level at run time ("root" or a package/class name); not persisted across restarts. */
    public static void setLevel(String loggerName, String level) {
        if (level == null || !LEVELS.contains(level)) {
            throw new IllegalArgumentException("log level '" + level + "' must be one of trace, debug, info, warn, error");
        }
        String name = "root".equalsIgnoreCase(loggerName) ? Logger.ROOT_LOGGER_NAME : loggerName;
        context().getLogger(name).setLevel(Level.toLevel(level));
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
