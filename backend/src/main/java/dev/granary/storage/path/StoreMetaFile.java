package dev.granary.storage.path;

import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import dev.granary.storage.StorageInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code sectorstore.json} so that Lotus and Granary can share a path. Reading follows
 * Go's encoding/json as Lotus uses it: keys match the field names case-insensitively, unknown keys are
 * ignored, {@code null} leaves the zero value, and a value of the wrong type is an error naming the
 * field. Writing produces what Lotus' {@code json.MarshalIndent(meta, "", "  ")} produces (fields in
 * struct order, empty lists as {@code null}); keys Granary does not know are kept, so a newer Lotus'
 * fields survive a {@code set}.
 */
public final class StoreMetaFile {

    public static final String NAME = "sectorstore.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final List<String> FIELDS = List.of("ID", "Weight", "CanSeal", "CanStore", "MaxStorage", "Groups",
        "AllowTo", "AllowTypes", "DenyTypes", "AllowMiners", "DenyMiners");

    private StoreMetaFile() {}

    /** The options and any keys Granary does not know (kept for rewriting). */
    public record Read(StoreMeta meta, Map<String, JsonNode> unknown) {}

    public static Path file(Path root) {
        return root.resolve(NAME);
    }

    public static Read read(Path root) {
        Path file = file(root);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StorageInputException(root, NAME, file + " does not exist; attach with --init to create it, or"
                + " point at a directory that holds one");
        } catch (IOException e) {
            throw new StorageInputException(root, NAME, "cannot read " + file + ": " + e.getMessage());
        }
        return parse(root, new String(bytes, StandardCharsets.UTF_8));
    }

    static Read parse(Path root, String text) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new StorageInputException(root, NAME, NAME + " in " + root + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new StorageInputException(root, NAME, NAME + " in " + root + " must hold a JSON object");
        }
        Map<String, JsonNode> known = new LinkedHashMap<>();
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            String field = fieldFor(e.getKey());
            if (field == null) {
                unknown.put(e.getKey(), e.getValue());
            } else {
                known.put(field, e.getValue()); // Go: the last duplicate wins
            }
        }
        Fields f = new Fields(root, known);
        StoreMeta meta = new StoreMeta(f.string("ID"), f.uint64("Weight"), f.bool("CanSeal"), f.bool("CanStore"),
            f.uint64("MaxStorage"), f.strings("Groups"), f.strings("AllowTo"), f.strings("AllowTypes"),
            f.strings("DenyTypes"), f.strings("AllowMiners"), f.strings("DenyMiners"));
        validate(root, meta);
        return new Read(meta, unknown);
    }

    /** What Granary needs beyond Go's decoding: an ID, known file types, parseable miner ids. */
    public static void validate(Path root, StoreMeta meta) {
        if (meta.id().isBlank()) {
            throw new StorageInputException(root, "ID", NAME + " in " + root + " has no ID; every path needs a unique ID"
                + " (a UUID)");
        }
        checkTypes(root, "AllowTypes", meta.allowTypes());
        checkTypes(root, "DenyTypes", meta.denyTypes());
        checkMiners(root, "AllowMiners", meta.allowMiners());
        checkMiners(root, "DenyMiners", meta.denyMiners());
    }

    private static void checkTypes(Path root, String field, List<String> types) {
        for (String t : types) {
            try {
                SectorFileType.parse(t);
            } catch (IllegalArgumentException e) {
                throw new StorageInputException(root, field, field + " of " + root + ": " + e.getMessage());
            }
        }
    }

    private static void checkMiners(Path root, String field, List<String> miners) {
        for (String m : miners) {
            try {
                SectorName.parseMiner(m);
            } catch (IllegalArgumentException e) {
                throw new StorageInputException(root, field, field + " of " + root + ": " + e.getMessage());
            }
        }
    }

    /** Go matches a key to a field exactly first, then ignoring case. */
    private static String fieldFor(String key) {
        for (String f : FIELDS) {
            if (f.equals(key)) {
                return f;
            }
        }
        for (String f : FIELDS) {
            if (f.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** Writes the file beside and renames it into place, so a crash never leaves half a file. */
    public static void write(Path root, StoreMeta meta, Map<String, JsonNode> unknown) {
        Path file = file(root);
        Path tmp = root.resolve(NAME + ".tmp");
        try {
            Files.writeString(tmp, render(meta, unknown));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write error below is what matters
            }
            throw new StorageInputException(root, NAME, "cannot write " + file + ": " + e.getMessage()
                + "; check the directory is writable");
        }
    }

    /** The exact text Lotus would write for these options (plus unknown keys at the end). */
    public static String render(StoreMeta meta, Map<String, JsonNode> unknown) {
        List<String> lines = new ArrayList<>();
        lines.add(member("ID", JSON.writeValueAsString(meta.id())));
        lines.add(member("Weight", Long.toUnsignedString(meta.weight())));
        lines.add(member("CanSeal", Boolean.toString(meta.canSeal())));
        lines.add(member("CanStore", Boolean.toString(meta.canStore())));
        lines.add(member("MaxStorage", Long.toUnsignedString(meta.maxStorage())));
        lines.add(member("Groups", list(meta.groups())));
        lines.add(member("AllowTo", list(meta.allowTo())));
        lines.add(member("AllowTypes", list(meta.allowTypes())));
        lines.add(member("DenyTypes", list(meta.denyTypes())));
        lines.add(member("AllowMiners", list(meta.allowMiners())));
        lines.add(member("DenyMiners", list(meta.denyMiners())));
        unknown.forEach((k, v) -> lines.add(member(k, JSON.writeValueAsString(v))));
        return "{\n" + String.join(",\n", lines) + "\n}";
    }

    private static String member(String name, String value) {
        return "  " + JSON.writeValueAsString(name) + ": " + value;
    }

    /** Go's MarshalIndent: nil slice → null, else one element a line. */
    private static String list(List<String> values) {
        if (values.isEmpty()) {
            return "null";
        }
        List<String> items = values.stream().map(v -> "    " + JSON.writeValueAsString(v)).toList();
        return "[\n" + String.join(",\n", items) + "\n  ]";
    }

    /** Decodes each field as Go would into LocalStorageMeta's types, naming the field on a mismatch. */
    private record Fields(Path root, Map<String, JsonNode> values) {

        String string(String field) {
            JsonNode v = values.get(field);
            if (v == null || v.isNull()) {
                return "";
            }
            if (!v.isString()) {
                throw mismatch(field, v, "string");
            }
            return v.stringValue();
        }

        boolean bool(String field) {
            JsonNode v = values.get(field);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                throw mismatch(field, v, "bool");
            }
            return v.booleanValue();
        }

        long uint64(String field) {
            JsonNode v = values.get(field);
            if (v == null || v.isNull()) {
                return 0;
            }
            if (!v.isIntegralNumber()) {
                throw mismatch(field, v, "uint64");
            }
            BigInteger n = v.bigIntegerValue();
            if (n.signum() < 0 || n.compareTo(UINT64_MAX) > 0) {
                throw new StorageInputException(root, field, field + " in " + NAME + " of " + root + " is " + n
                    + ", outside 0.." + UINT64_MAX);
            }
            if (n.bitLength() > 63) {
                throw new StorageInputException(root, field, field + " in " + NAME + " of " + root + " is " + n
                    + "; Granary handles values up to " + Long.MAX_VALUE);
            }
            return n.longValue();
        }

        List<String> strings(String field) {
            JsonNode v = values.get(field);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw mismatch(field, v, "[]string");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (item.isNull()) {
                    out.add("");
                } else if (item.isString()) {
                    out.add(item.stringValue());
                } else {
                    throw mismatch(field, item, "string (an element of " + field + ")");
                }
            }
            return out;
        }

        private StorageInputException mismatch(String field, JsonNode v, String goType) {
            return new StorageInputException(root, field, field + " in " + NAME + " of " + root + " must be a "
                + goType + ", found " + describe(v));
        }

        private static String describe(JsonNode v) {
            String text = v.toString();
            return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (text.length() > 40 ? text.substring(0, 40)
                + "…" : text);
        }
    }
}
