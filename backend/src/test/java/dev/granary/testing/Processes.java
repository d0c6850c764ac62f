package dev.granary.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs `granary` in a separate JVM with the test class path, as an operator would run the jar. */
public final class Processes {

    private Processes() {}

    public static final class Running {
        public final Process process;
        public final List<String> stdout = new CopyOnWriteArrayList<>();
        public final List<String> stderr = new CopyOnWriteArrayList<>();
        private final Thread outPump;
        private final Thread errPump;

        Running(Process process) {
            this.process = process;
            outPump = pump(process.getInputStream(), stdout);
            errPump = pump(process.getErrorStream(), stderr);
        }

        private static Thread pump(java.io.InputStream in, List<String> into) {
            return Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        into.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
        }

        /** Waits until a stdout line matches, failing with what the process printed if it does not. */
        public String awaitStdout(Predicate<String> match, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            boolean exited = false;
            while (System.nanoTime() < deadline) {
                for (String line : stdout) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                if (exited) {
                    break;
                }
                exited = !process.isAlive(); // one more pass after exit, for lines still being pumped
                Thread.sleep(exited ? 200 : 50);
            }
            throw new AssertionError("no matching line within " + seconds + " s; stdout=" + stdout + " stderr=" + stderr);
        }

        public int awaitExit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("process did not exit within " + seconds + " s; stdout=" + stdout);
            }
            outPump.join(TimeUnit.SECONDS.toMillis(10)); // the last lines, up to end of stream
            errPump.join(TimeUnit.SECONDS.toMillis(10));
            return process.exitValue();
        }
    }

    public static Running granary(String... args) {
        return granary(java.util.Map.of(), args);
    }

    /** As {@link #granary(String...)}, with extra environment variables (GRANARY_FAULT, a wallet passphrase). */
    public static Running granary(java.util.Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.granary.cli.GranaryCli");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("GRANARY_HOME");
        pb.environment().putAll(environment);
        try {
            return new Running(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + command, e);
        }
    }
}
