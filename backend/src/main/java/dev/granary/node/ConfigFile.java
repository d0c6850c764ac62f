package dev.granary.node;

import dev.granary.chain.actors.ChainPolicy;
import dev.granary.fil.TokenAmount;
import dev.granary.units.ByteSize;
import dev.granary.units.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads and writes {@code config.toml}. The file written at first start lists every setting,
 * commented out with its default, the way Lotus does: uncommenting a line is how an operator changes it.
 * Unknown keys are errors, so a typo never silently falls back to a default.
 */
public final class ConfigFile {

    private static final TomlMapper TOML = TomlMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .build();
    private static final Set<String> KERNEL_MODES = Set.of("auto", "native", "java");
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private ConfigFile() {}

    /** Loads the file, writing the commented defaults first if it does not exist. */
    public static NodeConfig loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            writeDefaults(file);
        }
        return load(file);
    }

    public static NodeConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("reading " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    static NodeConfig parse(String text, String source) {
        ObjectNode defaults = defaultsTree();
        JsonNode user;
        try {
            user = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException("reading " + source + ": not valid TOML: " + e.getOriginalMessage());
        }
        if (user != null && !user.isMissingNode() && !user.isNull()) {
            rejectUnknownKeys(user, defaults, "", source);
            merge(defaults, user);
        }
        NodeConfig config;
        try {
            config = TOML.treeToValue(defaults, NodeConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException("reading " + source + ": " + e.getOriginalMessage() + " at '"
                + e.getPathReference() + "'");
        }
        validate(config, source);
        return config;
    }

    private static void rejectUnknownKeys(JsonNode user, JsonNode known, String prefix, String source) {
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            String key = prefix + field.getKey();
            JsonNode expected = known.get(field.getKey());
            if (expected == null) {
                throw new ConfigException(source + ": unknown key '" + key + "'");
            }
            if (expected.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new ConfigException(source + ": '" + key + "' must be a table ([" + key + "])");
                }
                rejectUnknownKeys(field.getValue(), expected, key + ".", source);
            }
        }
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        for (Map.Entry<String, JsonNode> field : overrides.properties()) {
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode table && field.getValue().isObject()) {
                merge(table, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void validateChain(NodeConfig.Chain chain) {
        ChainPolicy.byName(chain.policy());
        Duration delay = Durations.parse(chain.blockDelay());
        if (delay.isZero() || delay.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("chain.block-delay '" + chain.blockDelay()
                + "' must be a whole number of seconds, at least 1s (block timestamps are in seconds)");
        }
        if (!chain.clock().equals("wall") && !chain.clock().equals("manual")) {
            throw new IllegalArgumentException("chain.clock '" + chain.clock() + "' must be wall or manual");
        }
        TokenAmount.parse(chain.fundedBalance());
        TokenAmount.parse(chain.rewardPool());
        TokenAmount.parse(chain.maxFee());
        if (chain.stateRetention() < 1 || chain.pruneInterval() < 1) {
            throw new IllegalArgumentException("chain.state-retention and chain.prune-interval must be at least 1");
        }
        if (chain.networkName().isBlank()) {
            throw new IllegalArgumentException("chain.network-name must not be empty");
        }
    }

    private static void validateWalletAndMessages(NodeConfig.Wallet wallet, NodeConfig.Messages messages) {
        Durations.parse(wallet.topUpInterval());
        TokenAmount.parse(messages.maxFee());
        if (messages.replaceAfterEpochs() < 1 || messages.confidence() < 0) {
            throw new IllegalArgumentException("messages.replace-after-epochs must be at least 1 and messages.confidence at least 0");
        }
        if (!(messages.gasOverestimation() >= 1.0) || !(messages.replacePremiumFactor() >= 1.0)) {
            throw new IllegalArgumentException("messages.gas-overestimation and messages.replace-premium-factor must be at least 1.0");
        }
    }

    private static void validate(NodeConfig config, String source) {
        try {
            config.server().listenAddress();
            ByteSize.parse(config.logging().maxFileSize());
            ByteSize.parse(config.logging().totalSizeCap());
            ByteSize.parse(config.health().minFreeDisk());
            Durations.parse(config.auth().sessionIdleTimeout());
            Durations.parse(config.auth().sessionTokenLifetime());
            Durations.parse(config.auth().signInBaseDelay());
            Durations.parse(config.auth().signInMaxDelay());
            validateChain(config.chain());
            validateWalletAndMessages(config.wallet(), config.messages());
            Durations.parse(config.storage().heartbeatInterval());
            Durations.parse(config.storage().heartbeatTimeout());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        if (!KERNEL_MODES.contains(config.kernels().mode())) {
            throw new ConfigException(source + ": kernels.mode '" + config.kernels().mode()
                + "' must be one of auto, native, java");
        }
        if (!LOG_LEVELS.contains(config.logging().level())) {
            throw new ConfigException(source + ": logging.level '" + config.logging().level()
                + "' must be one of trace, debug, info, warn, error");
        }
        if (config.auth().signInFreeAttempts() < 1) {
            throw new ConfigException(source + ": auth.sign-in-free-attempts must be at least 1");
        }
        if (config.database().maxPoolSize() < 1) {
            throw new ConfigException(source + ": database.max-pool-size must be at least 1");
        }
    }

    static ObjectNode defaultsTree() {
        return TOML.valueToTree(NodeConfig.defaults());
    }

    /** Writes atomically (temp file + rename) so a crash never leaves half a config behind. */
    public static void writeDefaults(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, renderDefaults(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ConfigException("writing default config " + file + ": " + e.getMessage());
        }
    }

    static String renderDefaults() {
        StringBuilder out = new StringBuilder();
        out.append("# Granary node configuration.\n")
            .append("# Every setting is listed, commented out, with its default value.\n")
            .append("# Uncomment a line to change it; unknown keys stop the node with an error.\n");
        for (Map.Entry<String, JsonNode> section : defaultsTree().properties()) {
            out.append("\n[").append(section.getKey()).append("]\n");
            Iterator<Map.Entry<String, JsonNode>> keys = section.getValue().properties().iterator();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                String path = section.getKey() + "." + key.getKey();
                for (String line : ConfigDescriptions.describe(path).split("\n")) {
                    out.append("# ").append(line).append('\n');
                }
                out.append("#").append(key.getKey()).append(" = ").append(tomlValue(key.getValue())).append('\n');
                if (keys.hasNext()) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String tomlValue(JsonNode value) {
        if (value.isString()) {
            return '"' + value.asString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return value.toString();
    }

    /** A configuration problem an operator can fix; the message names the file and the key. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
