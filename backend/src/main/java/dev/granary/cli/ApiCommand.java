package dev.granary.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * A command that talks to a running node's REST API. It connects using GRANARY_API_INFO and turns every
 * {@link CliFailure} into one line on stderr ("granary auth revoke: revoking token ...: detail") and exit 1;
 * usage errors stay picocli's (exit 2).
 */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the node's JSON answer exactly as sent, instead of text.")
    boolean json;

    /** The environment variables: those of the enclosing {@link ApiGroup}, which tests replace. */
    Function<String, String> environment() {
        for (CommandSpec s = spec.parent(); s != null; s = s.parent()) {
            if (s.userObject() instanceof ApiGroup group) {
                return group.environment;
            }
        }
        return System::getenv;
    }

    /** Checks argument combinations before anything is sent; throw picocli's ParameterException. */
    void checkUsage() {
    }

    abstract void run(ApiClient api, PrintWriter out, PrintWriter err);

    @Override
    public final Integer call() {
        checkUsage();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            run(new ApiClient(ApiInfo.fromEnvironment(environment())), out, err);
            return 0;
        } catch (CliFailure e) {
            err.println(commandName() + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** "granary auth create-token", also when a test runs the command without the top-level CLI. */
    String commandName() {
        String name = spec.qualifiedName(" ");
        return name.startsWith("granary ") ? name : "granary " + name;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asString()));
        }
        return out;
    }

    /** An instant to the second, as the node sent it otherwise; null stays null. */
    static String instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return s;
        }
    }
}
