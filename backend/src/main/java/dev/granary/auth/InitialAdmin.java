package dev.granary.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * First start: create user "admin". Its password comes from GRANARY_ADMIN_PASSWORD, or is generated,
 * printed once to stdout (never to the log) and written to {@code <home>/initial-admin-password} (0600);
 * a generated one must be changed at first sign-in.
 */
public final class InitialAdmin {

    public static final String ENV = "GRANARY_ADMIN_PASSWORD";
    public static final String FILE = "initial-admin-password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private InitialAdmin() {}

    public static void ensure(UserService users, Path home, String fromEnv, PrintStream out) {
        if (users.anyUsers()) {
            return;
        }
        if (fromEnv != null && !fromEnv.isEmpty()) {
            users.createInitialAdmin(UserService.validPassword(fromEnv), false);
            return;
        }
        String password = generate();
        Path file = home.resolve(FILE);
        try {
            java.nio.file.Files.deleteIfExists(file); // left from a home whose database was reset
            SecretFiles.writeOwnerOnly(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
        users.createInitialAdmin(password.toCharArray(), true);
        out.println();
        out.println("  Granary created the user 'admin' with password: " + password);
        out.println("  (also in " + file + "; you will be asked to change it at first sign-in)");
        out.println();
        out.flush();
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
