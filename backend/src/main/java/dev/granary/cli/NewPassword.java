package dev.granary.cli;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A new password for `granary users add` and `reset-password`. Never an argument: arguments are visible
 * to every local user in `ps`. From GRANARY_NEW_PASSWORD when set (scripts), else typed twice.
 */
final class NewPassword {

    static final String ENV = "GRANARY_NEW_PASSWORD";

    private NewPassword() {}

    static String read(Function<String, String> environment, PasswordPrompt prompt, String username) {
        String fromEnv = environment.apply(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        char[] first = prompt.read("New password for " + username + ": ");
        char[] again = prompt.read("Type it again: ");
        try {
            if (first.length == 0) {
                throw new CliFailure("the password is empty; nothing was changed");
            }
            if (!Arrays.equals(first, again)) {
                throw new CliFailure("the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(again, '\0');
        }
    }
}
