package dev.granary.cli;

import dev.granary.node.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `granary` command: {@code java -jar granary.jar <command>}. */
@Command(name = "granary",
    mixinStandardHelpOptions = true,
    versionProvider = GranaryCli.Version.class,
    description = "Granary: a storage-provider node (chain, wallets, storage, sealing, proving, dagstore) in one process.",
    subcommands = {RunCommand.class, CommpCommand.class, BenchCommand.class, ProofsCommand.class, AuthCommand.class,
        UsersCommand.class, ChainCommand.class, MpoolCommand.class, WalletCommand.class, StorageCommand.class,
        MessagesCommand.class, ActorCommand.class, WatermarksCommand.class})
public final class GranaryCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GranaryCli());
        // A user error is one line, not a stack trace: picocli prints the message and the usage hint.
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("granary " + cmd.getCommandName() + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"granary " + build.version() + " (Java " + build.javaVersion() + ")"};
        }
    }
}
