package dev.granary.cli;

import java.io.Console;

/** Asks for a password without echoing it. Tests substitute one that answers from a list. */
@FunctionalInterface
interface PasswordPrompt {

    /** The typed password; throws {@link CliFailure} when nobody can be asked. */
    char[] read(String prompt);

    PasswordPrompt CONSOLE = prompt -> {
        Console console = System.console();
        if (console == null) {
            throw new CliFailure("no terminal to ask for the password: set " + NewPassword.ENV + " instead");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new CliFailure("no password given (end of input)");
        }
        return typed;
    };
}
