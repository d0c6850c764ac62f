package dev.granary.cli;

import dev.granary.units.Durations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** `granary auth`: API tokens, like `lotus auth create-token`, against a running node. */
@Command(name = "auth", mixinStandardHelpOptions = true,
    description = {"Create, list and revoke API tokens on a running node.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {AuthCommand.CreateToken.class, AuthCommand.ListTokens.class, AuthCommand.Revoke.class})
public final class AuthCommand extends ApiGroup {

    /** Lotus' --perm values; lower case because they are typed as-is. */
    enum Perm { read, write, sign, admin }

    @Command(name = "create-token", mixinStandardHelpOptions = true,
        description = {"Create an API token carrying at most your own permissions.",
            "Prints the token alone on stdout, so a script can capture it:",
            "  TOKEN=$(granary auth create-token --perm read --expires 30d)",
            "  export " + ApiInfo.ENV + "=$TOKEN:http://127.0.0.1:8080",
            "and its id, permissions and expiry on stderr. It is shown only this once.",
            "With --json, prints the node's whole answer (token included) on stdout instead."})
    static final class CreateToken extends ApiCommand {

        @Option(names = "--perm", required = true, paramLabel = "PERM",
            description = "read, write, sign or admin: this permission and every one below it, as in Lotus.")
        Perm perm;

        @Option(names = "--expires", paramLabel = "DURATION", converter = DurationText.class,
            description = "Lifetime, e.g. 12h, 30d, 1w (default: never expires).")
        String expires;

        @Option(names = "--name", paramLabel = "NAME", description = "What the token is for, shown in list-tokens.")
        String name;

        @Option(names = "--miners", split = ",", paramLabel = "MINER",
            description = "Limit the token to these miners, e.g. f01234,f05678 (default: the user's miners).")
        List<String> miners;

        @Option(names = "--lotus", description = {"A plain Lotus token (only an Allow list) for Lotus tooling.",
            "It names no user, never expires and cannot be revoked."})
        boolean lotus;

        @Override
        void checkUsage() {
            // The node ignores these for a plain Lotus token; saying so beats silently creating a token that never expires.
            if (lotus && (expires != null || name != null || miners != null)) {
                throw new ParameterException(spec.commandLine(),
                    "--lotus makes a plain Lotus token, which has no --expires, --name or --miners");
            }
        }

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("perm", perm.name());
            if (expires != null) {
                body.put("expires", expires);
            }
            if (name != null) {
                body.put("name", name);
            }
            if (miners != null) {
                body.put("miners", miners);
            }
            if (lotus) {
                body.put("lotus", true);
            }
            ApiClient.Answer answer = api.post("creating token", "/v1/tokens", body);
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode created = answer.json();
            out.println(text(created, "token"));
            out.flush();
            String allows = String.join(",", strings(created, "permissions"));
            if (text(created, "jti") == null) {
                err.println("created a plain Lotus token allowing " + allows
                    + "; it never expires and cannot be revoked");
            } else {
                String expiresAt = instant(created, "expiresAt");
                err.println("created token " + text(created, "jti") + " \"" + text(created, "name") + "\" for "
                    + text(created, "username") + ", allowing " + allows
                    + (expiresAt == null ? ", never expires" : ", expires " + expiresAt));
            }
        }
    }

    @Command(name = "list-tokens", mixinStandardHelpOptions = true,
        description = "List your API tokens and sign-in sessions (never their values); --all lists everyone's (admin).")
    static final class ListTokens extends ApiCommand {

        @Option(names = "--all", description = "Every user's tokens (needs the admin permission).")
        boolean all;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("listing tokens", "/v1/tokens" + (all ? "?all=true" : ""));
            if (json) {
                out.println(answer.body());
                return;
            }
            TextTable table = new TextTable("ID", "NAME", "USER", "KIND", "PERMISSIONS", "MINERS", "CREATED", "EXPIRES",
                "LAST USED", "STATE");
            Instant now = Instant.now();
            for (JsonNode t : answer.json()) {
                table.row(text(t, "jti"), text(t, "name"), text(t, "username"), text(t, "kind"),
                    String.join(",", strings(t, "permissions")), String.join(",", strings(t, "miners")),
                    instant(t, "createdAt"), instant(t, "expiresAt"), instant(t, "lastUsedAt"), state(t, now));
            }
            table.print(out);
        }

        private static String state(JsonNode token, Instant now) {
            if (text(token, "revokedAt") != null) {
                return "revoked";
            }
            String expiresAt = text(token, "expiresAt");
            return expiresAt != null && !Instant.parse(expiresAt).isAfter(now) ? "expired" : "active";
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a token by its id (see list-tokens): yours, or anyone's with the admin permission.")
    static final class Revoke extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The token's id (jti).")
        String jti;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.delete("revoking token " + jti, "/v1/tokens/" + ApiClient.segment(jti));
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode t = answer.json();
            out.println("revoked token " + text(t, "jti") + " \"" + text(t, "name") + "\" of " + text(t, "username"));
        }
    }

    /** Checks --expires before anything is sent, so a typo is a usage error (exit 2). */
    static final class DurationText implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            return value.strip();
        }
    }
}
