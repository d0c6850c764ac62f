package dev.granary.cli;

import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A group of {@link ApiCommand}s (`granary chain`, `granary wallet`, ...): run alone it prints its usage, and
 * it holds the environment its commands read GRANARY_API_INFO from.
 */
abstract class ApiGroup implements Runnable {

    /** Tests replace this to pass GRANARY_API_INFO (and other variables) without touching the process environment. */
    Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
