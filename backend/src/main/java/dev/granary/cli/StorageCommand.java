package dev.granary.cli;

import dev.granary.storage.SectorName;
import dev.granary.units.ByteSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * `granary storage`: storage paths and the sector-file index, like `lotus-miner storage`, through the
 * REST API. Paths are named by ID or by directory; a directory is turned into the ID here (from the
 * list) so no file-system path travels in a URL.
 */
@Command(name = "storage", mixinStandardHelpOptions = true,
    description = {"Attach, list, change, detach and rescan storage paths; find sectors; fetch from other nodes.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {StorageCommand.Attach.class, StorageCommand.ListPaths.class, StorageCommand.Detach.class,
        StorageCommand.Set.class, StorageCommand.Redeclare.class, StorageCommand.Find.class,
        StorageCommand.Fetch.class, StorageCommand.RemoteAdd.class})
public final class StorageCommand extends ApiGroup {

    /**
     * The ID of a path named by ID or directory. The node records a directory by its real path (attach
     * resolves symbolic links), so a name through a link is resolved too when it exists here.
     */
    static String pathId(ApiClient api, String idOrPath) {
        JsonNode paths = api.get("listing storage paths", "/v1/storage/paths").json();
        Path abs = Path.of(idOrPath).toAbsolutePath().normalize();
        List<String> names = new ArrayList<>(List.of(idOrPath, abs.toString()));
        try {
            names.add(abs.toRealPath().toString());
        } catch (IOException | SecurityException notHere) {
            // not a directory on this machine: the ID or the path as given
        }
        for (JsonNode p : paths) {
            if (p.get("id").asString().equals(idOrPath) || names.contains(ApiCommand.text(p, "path"))) {
                return p.get("id").asString();
            }
        }
        throw new CliFailure("no storage path with ID or directory '" + idOrPath + "'; see granary storage list");
    }

    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            values.forEach(v -> {
                for (String s : v.split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.strip());
                    }
                }
            });
        }
        return out;
    }

    static long size(String text) {
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("--max-storage: " + e.getMessage());
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach a directory as a storage path, as `lotus-miner storage attach`.",
            "With --init, sectorstore.json is created from the options; without it, the directory's own file is used."})
    static final class Attach extends ApiCommand {
        @Option(names = "--init", description = "Create sectorstore.json (the directory must not have one).")
        boolean init;
        @Option(names = "--weight", defaultValue = "10", description = "Weight among paths (0 = read-only). Default: ${DEFAULT-VALUE}.")
        long weight;
        @Option(names = "--seal", description = "Use the path for sealing scratch files (CanSeal).")
        boolean seal;
        @Option(names = "--store", description = "Use the path for finalized sectors (CanStore).")
        boolean store;
        @Option(names = "--max-storage", description = "Limit the bytes used, like 2TiB (0 = the whole disk).")
        String maxStorage;
        @Option(names = "--groups", split = ",", description = "Groups the path belongs to.")
        List<String> groups;
        @Option(names = "--allow-to", split = ",", description = "Groups whose paths may receive files from this one.")
        List<String> allowTo;
        @Option(names = "--allow-types", split = ",", description = "Only these file types (unsealed, sealed, cache, update, update-cache).")
        List<String> allowTypes;
        @Option(names = "--deny-types", split = ",", description = "Never these file types.")
        List<String> denyTypes;
        @Option(names = "--allow-miners", split = ",", description = "Only these miners' sectors (f01000, ...).")
        List<String> allowMiners;
        @Option(names = "--deny-miners", split = ",", description = "Never these miners' sectors.")
        List<String> denyMiners;
        @Parameters(index = "0", paramLabel = "PATH", description = "The directory, on the node's machine.")
        String path;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("path", Path.of(path).toAbsolutePath().normalize().toString());
            body.put("init", init);
            body.put("weight", weight);
            body.put("canSeal", seal);
            body.put("canStore", store);
            body.put("maxStorage", maxStorage == null ? 0 : size(maxStorage));
            body.put("groups", split(groups));
            body.put("allowTo", split(allowTo));
            body.put("allowTypes", split(allowTypes));
            body.put("denyTypes", split(denyTypes));
            body.put("allowMiners", split(allowMiners));
            body.put("denyMiners", split(denyMiners));
            ApiClient.Answer a = api.post("attaching " + path, "/v1/storage/paths", body);
            if (json) {
                out.println(a.body());
                return;
            }
            JsonNode p = a.json();
            out.println("attached " + text(p, "path") + " as " + text(p, "id"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List storage paths with usage and health.")
    static final class ListPaths extends ApiCommand {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer a = api.get("listing storage paths", "/v1/storage/paths");
            if (json) {
                out.println(a.body());
                return;
            }
            TextTable t = new TextTable("ID", "PATH", "USE", "WEIGHT", "USED", "RESERVED", "AVAILABLE", "CAPACITY",
                "FILES", "HEALTH");
            for (JsonNode p : a.json()) {
                String use = (p.get("canSeal").asBoolean() ? "seal" : "") + (p.get("canSeal").asBoolean()
                    && p.get("canStore").asBoolean() ? "+" : "") + (p.get("canStore").asBoolean() ? "store" : "");
                JsonNode f = p.get("files");
                String files = "u" + f.get("unsealed").asInt() + " s" + f.get("sealed").asInt() + " c" + f.get("cache").asInt();
                String location = p.get("remote").isNull() ? text(p, "path") : "remote " + text(p, "remote");
                t.row(p.get("id").asString(), location, use.isEmpty() ? "read-only" : use, p.get("weight").asLong(),
                    ByteSize.format(p.get("used").asLong()), ByteSize.format(p.get("reserved").asLong()),
                    ByteSize.format(p.get("available").asLong()), ByteSize.format(p.get("capacity").asLong()), files,
                    health(p));
            }
            t.print(out);
        }

        private static String health(JsonNode p) {
            if (!p.get("remote").isNull()) {
                return "remote";
            }
            String beat = text(p, "lastHeartbeat");
            String age = beat == null ? "never" : Duration.between(Instant.parse(beat), Instant.now()).toSeconds() + "s ago";
            return p.get("healthy").asBoolean() ? "ok (" + age + ")" : "UNHEALTHY: " + text(p, "lastError");
        }
    }

    @Command(name = "detach", mixinStandardHelpOptions = true,
        description = "Detach a storage path (files stay on disk); refused while tasks use it unless --force.")
    static final class Detach extends ApiCommand {
        @Option(names = "--force", description = "Detach even while in use (a dead disk); recorded in the audit log.")
        boolean force;
        @Parameters(index = "0", paramLabel = "PATH|ID")
        String path;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String id = pathId(api, path);
            ApiClient.Answer a = api.delete("detaching " + path, "/v1/storage/paths/" + ApiClient.segment(id)
                + (force ? "?force=true" : ""));
            if (json) {
                out.println(a.body());
                return;
            }
            out.println("detached " + text(a.json(), "path") + " (" + id + ")");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a path's options in its sectorstore.json.")
    static final class Set extends ApiCommand {
        @Option(names = "--seal", arity = "1", description = "CanSeal: true or false.")
        Boolean seal;
        @Option(names = "--store", arity = "1", description = "CanStore: true or false.")
        Boolean store;
        @Option(names = "--weight", description = "Weight (0 = read-only).")
        Long weight;
        @Option(names = "--max-storage", description = "Limit like 2TiB (0 = none).")
        String maxStorage;
        @Option(names = "--groups", split = ",", description = "Groups (replaces the list).")
        List<String> groups;
        @Option(names = "--allow-to", split = ",", description = "AllowTo groups (replaces the list).")
        List<String> allowTo;
        @Parameters(index = "0", paramLabel = "PATH|ID")
        String path;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (seal != null) {
                body.put("canSeal", seal);
            }
            if (store != null) {
                body.put("canStore", store);
            }
            if (weight != null) {
                body.put("weight", weight);
            }
            if (maxStorage != null) {
                body.put("maxStorage", size(maxStorage));
            }
            if (groups != null) {
                body.put("groups", split(groups));
            }
            if (allowTo != null) {
                body.put("allowTo", split(allowTo));
            }
            String id = pathId(api, path);
            ApiClient.Answer a = api.patch("changing " + path, "/v1/storage/paths/" + ApiClient.segment(id), body);
            out.println(json ? a.body() : "changed " + text(a.json(), "path") + " (" + id + ")");
        }
    }

    @Command(name = "redeclare", mixinStandardHelpOptions = true,
        description = "Rescan paths for sector files, as `lotus-miner storage redeclare`.")
    static final class Redeclare extends ApiCommand {
        @Option(names = "--id", description = "Only this path (ID or directory).")
        String id;
        @Option(names = "--all", description = "Every path of the node (the default).")
        boolean all;
        @Option(names = "--drop-missing", description = "Forget indexed files that are no longer on disk.")
        boolean dropMissing;

        @Override
        void checkUsage() {
            if (id != null && all) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --id or --all, not both");
            }
        }

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = Map.of("dropMissing", dropMissing);
            ApiClient.Answer a = id == null ? api.post("redeclaring storage", "/v1/storage/redeclare", body)
                : api.post("redeclaring " + id, "/v1/storage/paths/" + ApiClient.segment(pathId(api, id)) + "/redeclare", body);
            if (json) {
                out.println(a.body());
                return;
            }
            for (JsonNode r : a.json()) {
                String error = text(r, "error");
                out.println(text(r, "path") + ": " + (error != null && !error.isEmpty() ? "ERROR " + error
                    : r.get("declared").asInt() + " declared, " + r.get("missing").asInt() + " missing, "
                        + r.get("dropped").asInt() + " dropped" + (r.get("ignored").isEmpty() ? ""
                        : ", ignored " + r.get("ignored"))));
            }
        }
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
        description = "Where are a sector's files: `find 1000 3`, `find --actor f01000 3` or `find s-t01000-3`.")
    static final class Find extends ApiCommand {
        @Option(names = "--actor", description = "The miner (f01000 or 1000).")
        String actor;
        @Parameters(arity = "1..2", paramLabel = "MINER NUMBER | SECTOR")
        List<String> args;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner;
            String number;
            if (args.size() == 1 && args.getFirst().startsWith("s-t0")) {
                SectorName sector = sectorName(args.getFirst());
                miner = String.valueOf(sector.miner());
                number = String.valueOf(sector.number());
            } else if (args.size() == 1 && actor != null) {
                miner = actor;
                number = args.getFirst();
            } else if (args.size() == 2) {
                miner = args.get(0);
                number = args.get(1);
            } else {
                throw new CliFailure("give MINER NUMBER, --actor MINER NUMBER, or a sector name like s-t01000-3");
            }
            ApiClient.Answer a = api.get("finding the sector", "/v1/storage/sectors/" + ApiClient.segment(miner) + "/"
                + ApiClient.segment(number));
            if (json) {
                out.println(a.body());
                return;
            }
            JsonNode copies = a.json().get("copies");
            if (copies.isEmpty()) {
                out.println(text(a.json(), "sector") + ": no files in the index");
                return;
            }
            TextTable t = new TextTable("TYPE", "PATH ID", "PRIMARY", "SIZE", "WHERE", "HEALTH");
            for (JsonNode c : copies) {
                t.row(text(c, "type"), text(c, "pathId"), c.get("primary").asBoolean() ? "yes" : "no",
                    ByteSize.format(c.get("size").asLong()),
                    c.get("remote").isNull() ? text(c, "location") : "remote " + text(c, "remote"),
                    c.get("healthy").asBoolean() ? "ok" : "unhealthy");
            }
            t.print(out);
        }

        private static SectorName sectorName(String text) {
            try {
                return SectorName.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch a sector's files from a remote node into this node's best store path.")
    static final class Fetch extends ApiCommand {
        @Option(names = "--remote", required = true, description = "The remote's name (see remote-add).")
        String remote;
        @Option(names = "--types", split = ",", defaultValue = "sealed,cache", description = "File types. Default: ${DEFAULT-VALUE}.")
        List<String> types;
        @Parameters(index = "0", paramLabel = "MINER")
        String miner;
        @Parameters(index = "1", paramLabel = "NUMBER")
        String number;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer a = api.post("fetching the sector", "/v1/storage/sectors/" + ApiClient.segment(miner) + "/"
                + ApiClient.segment(number) + "/fetch", Map.of("remote", remote, "types", types));
            if (json) {
                out.println(a.body());
                return;
            }
            for (JsonNode c : a.json()) {
                out.println("fetched " + text(c, "type") + " of " + text(c, "sector") + " to " + text(c, "location"));
            }
        }
    }

    @Command(name = "remote-add", mixinStandardHelpOptions = true,
        description = {"Tell this node how to reach another: a name, its base URL, and an API token of that node",
            "(create it there with `granary auth create-token --perm read`). Admin only; the token is never shown."})
    static final class RemoteAdd extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "URL")
        String url;
        @Option(names = "--token-env", defaultValue = "GRANARY_REMOTE_TOKEN",
            description = "Environment variable holding the remote's token (kept off the command line). Default: ${DEFAULT-VALUE}.")
        String tokenEnv;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String token = environment().apply(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new CliFailure("set " + tokenEnv + " to an API token of the remote node");
            }
            ApiClient.Answer a = api.post("adding remote " + name, "/v1/storage/remotes",
                Map.of("name", name, "url", url, "token", token));
            out.println(json ? a.body() : "remote " + name + " at " + url + " added");
        }
    }
}
