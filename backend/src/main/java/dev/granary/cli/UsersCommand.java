package dev.granary.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `granary users`: accounts on a running node (needs the admin permission). */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = {"List, add, disable, enable users and set their roles on a running node (admin).",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.SetRole.class,
        UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.ResetPassword.class})
public final class UsersCommand extends ApiGroup {

    /** Tests replace this (and the environment) to type passwords without a terminal. */
    PasswordPrompt passwordPrompt = PasswordPrompt.CONSOLE;

    /** The node's role ids; lower case because they are typed as-is. */
    enum RoleName { viewer, operator, signer, admin }

    /** What every `users` verb shares: the parent's environment and password prompt. */
    abstract static class UsersVerb extends ApiCommand {
        @ParentCommand
        UsersCommand users;

        static String path(String username) {
            return "/v1/users/" + ApiClient.segment(username);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every user.")
    static final class ListUsers extends UsersVerb {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("listing users", "/v1/users");
            if (json) {
                out.println(answer.body());
                return;
            }
            TextTable table = new TextTable("USERNAME", "DISPLAY NAME", "ROLE", "STATE", "MINERS", "LAST SIGN-IN");
            for (JsonNode u : answer.json()) {
                table.row(text(u, "username"), text(u, "displayName"), text(u, "role"), state(u),
                    String.join(",", strings(u, "miners")), instant(u, "lastLoginAt"));
            }
            table.print(out);
        }

        private static String state(JsonNode user) {
            String state = user.path("enabled").asBoolean() ? "enabled" : "disabled";
            return user.path("mustChangePassword").asBoolean() ? state + ", must change password" : state;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Create a user, who must change the password at first sign-in.",
            "The password is read from " + NewPassword.ENV + " or, when that is unset, asked twice",
            "on the terminal; never from an argument, since arguments show in `ps`."})
    static final class Add extends UsersVerb {
        @Parameters(index = "0", paramLabel = "USERNAME",
            description = "Lower-case letters, digits, '.', '_' or '-'; 2 to 64 characters.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator, signer or admin.")
        RoleName role;

        @Option(names = "--display-name", paramLabel = "NAME", description = "Shown in the dashboard (default: the username).")
        String displayName;

        @Option(names = "--miners", split = ",", paramLabel = "MINER",
            description = "Limit the user to these miners, e.g. f01234,f05678 (default: all).")
        List<String> miners;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String password = NewPassword.read(users.environment, users.passwordPrompt, username);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            if (displayName != null) {
                body.put("displayName", displayName);
            }
            body.put("password", password);
            body.put("role", role.name());
            body.put("miners", miners == null ? new ArrayList<String>() : miners);
            ApiClient.Answer answer = api.post("adding user " + username, "/v1/users", body);
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode u = answer.json();
            out.println("added user " + text(u, "username") + " (" + text(u, "role") + ")"
                + (u.path("mustChangePassword").asBoolean() ? "; they must change the password at first sign-in" : ""));
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true,
        description = "Change a user's role; a lower role limits their existing tokens at once.")
    static final class SetRole extends UsersVerb {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, operator, signer or admin.")
        RoleName role;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.patch("setting the role of " + username, path(username),
                Map.of("role", role.name()));
            if (json) {
                out.println(answer.body());
                return;
            }
            out.println(text(answer.json(), "username") + " is now " + text(answer.json(), "role"));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Stop a user signing in; their tokens and sessions stop working at once.")
    static final class Disable extends UsersVerb {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            setEnabled(api, out, json, username, false);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
        description = "Let a disabled user sign in again; their unexpired, unrevoked tokens work again.")
    static final class Enable extends UsersVerb {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            setEnabled(api, out, json, username, true);
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = {"Set a user's password; they must change it at their next sign-in.",
            "The password is read from " + NewPassword.ENV + " or, when that is unset, asked twice.",
            "Their dashboard sessions end."})
    static final class ResetPassword extends UsersVerb {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String password = NewPassword.read(users.environment, users.passwordPrompt, username);
            api.put("resetting the password of " + username, path(username) + "/password", Map.of("password", password));
            if (json) {
                // The node answers 204 with no body; a script still gets one JSON line to parse.
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("username", username);
                done.put("passwordReset", true);
                out.println(JsonMapper.shared().writeValueAsString(done));
                return;
            }
            out.println("reset the password of " + username + "; they must change it at their next sign-in");
        }
    }

    private static void setEnabled(ApiClient api, PrintWriter out, boolean json, String username, boolean enabled) {
        ApiClient.Answer answer = api.patch((enabled ? "enabling " : "disabling ") + username, UsersVerb.path(username),
            Map.of("enabled", enabled));
        if (json) {
            out.println(answer.body());
            return;
        }
        out.println((enabled ? "enabled " : "disabled ") + text(answer.json(), "username"));
    }

    private static String text(JsonNode node, String field) {
        return ApiCommand.text(node, field);
    }
}
