package dev.granary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommP;
import dev.granary.kernels.commp.PieceSize;
import dev.granary.units.ByteSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `granary bench ...`: measures the kernels on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure kernel throughput on this machine.",
        subcommands = {BenchCommand.Commp.class, BenchFormatsCommand.class, BenchSealCommand.class, BenchPostCommand.class,
            BenchChainCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * `granary bench commp`: CommP throughput of the native and Java kernels on one core and on
     * all cores, set against the machine's single-buffer SHA-256 rate. Each 32-byte leaf costs
     * two compressions (one 64-byte node hash per two children, and a tree has as many hashes as
     * leaves), so a single hash stream builds a tree at SHA-256 rate / 4.
     */
    @Command(name = "commp", mixinStandardHelpOptions = true,
            description = "Benchmark CommP: native and Java kernels, one core and all cores.")
    public static final class Commp implements Callable<Integer> {

        private static final int PATTERN_BYTES = 64 << 20;
        private static final double SHA_SECONDS = 1;
        private static final long SEED = 0x6772616e617279L;

        @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1GiB", converter = SizeConverter.class,
                description = "Payload per run, e.g. 1GiB, 256MiB, 512KiB, 1000000 (default: ${DEFAULT-VALUE}).")
        long size;

        @Option(names = "--threads", paramLabel = "N",
                description = "Threads for the all-core runs (default: the number of cores).")
        Integer threads;

        @Spec
        CommandSpec spec;

        private record Measured(String label, double mbPerSecond, CommP.Result result) {
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            int cores = Runtime.getRuntime().availableProcessors();
            int allThreads = threads == null ? cores : threads;
            if (size < 0 || size > PieceSize.MAX_PAYLOAD || allThreads < 1) {
                spec.commandLine().getErr().println("granary bench commp: --size must be 0.." + PieceSize.MAX_PAYLOAD
                        + " bytes (a 64 GiB piece) and --threads at least 1");
                return 1;
            }
            ByteBuffer pattern = pattern((int) Math.min(size, PATTERN_BYTES));
            Kernels nativeKernels = nativeOrNull(out);

            out.printf(Locale.ROOT, "CommP benchmark: %s payload (%d bytes) per run, generated in memory from a %s pattern%n",
                    ByteSize.format(size), size, ByteSize.format(pattern.capacity()));
            out.printf(Locale.ROOT, "%d cores; all-core runs use %d threads; MB = 10^6 bytes%n%n", cores, allThreads);

            out.println("SHA-256 of 16 KiB messages, one core, one buffer at a time");
            double javaSha = ShaRate.measure(Kernels.java(), SHA_SECONDS).megabytesPerSecond();
            double nativeSha = nativeKernels == null ? 0
                    : ShaRate.measure(nativeKernels, SHA_SECONDS).megabytesPerSecond();
            if (nativeKernels != null) {
                row(out, nativeKernels.detail(), nativeSha, null);
            }
            row(out, Kernels.java().detail(), javaSha, null);
            double limit = (nativeKernels == null ? javaSha : nativeSha) / 4;
            out.printf(Locale.ROOT, "  single-buffer CommP limit (%s rate / 4): %.1f MB/s%n%n",
                    nativeKernels == null ? "java" : "native", limit);
            out.flush();

            out.printf(Locale.ROOT, "CommP, MB/s of payload%33s%n", "x limit");
            List<Measured> runs = new ArrayList<>();
            for (Kernels kernels : nativeKernels == null ? List.of(Kernels.java()) : List.of(nativeKernels, Kernels.java())) {
                for (int n : allThreads == 1 ? List.of(1) : List.of(1, allThreads)) {
                    Measured m = commP(kernels, n, pattern);
                    row(out, m.label(), m.mbPerSecond(), m.mbPerSecond() / limit);
                    out.flush();
                    runs.add(m);
                }
            }
            return reportAgreement(out, runs);
        }

        private Measured commP(Kernels kernels, int n, ByteBuffer pattern) throws IOException {
            CommP commP = new CommP(kernels, n);
            commP.compute(new RepeatingChannel(pattern, Math.min(size, pattern.capacity())));
            long start = System.nanoTime();
            CommP.Result result = commP.compute(new RepeatingChannel(pattern, size));
            long nanos = System.nanoTime() - start;
            String label = kernels.name() + ", " + n + (n == 1 ? " thread" : " threads");
            return new Measured(label, size / (nanos / 1e9) / 1e6, result);
        }

        private static int reportAgreement(PrintWriter out, List<Measured> runs) {
            CommP.Result first = runs.getFirst().result();
            for (Measured m : runs) {
                if (!m.result().equals(first)) {
                    out.println("MISMATCH: " + m.label() + " computed " + m.result() + ", " + runs.getFirst().label()
                            + " computed " + first);
                    out.flush();
                    return 1;
                }
            }
            out.printf(Locale.ROOT, "%nall runs agree: CommP %s, padded size %s%n", first.commPHex(),
                    ByteSize.format(first.paddedSize()));
            out.flush();
            return 0;
        }

        private static void row(PrintWriter out, String label, double mbPerSecond, Double ratio) {
            if (ratio == null) {
                out.printf(Locale.ROOT, "  %-26s %9.1f MB/s%n", label, mbPerSecond);
            } else {
                out.printf(Locale.ROOT, "  %-26s %9.1f MB/s   %6.2f%n", label, mbPerSecond, ratio);
            }
        }

        private static Kernels nativeOrNull(PrintWriter out) {
            try {
                return Kernels.nativeKernels();
            } catch (IllegalStateException e) {
                out.println(e.getMessage() + "; measuring the Java kernels only");
                return null;
            }
        }

        /** Deterministic pseudo-random bytes, so every run hashes the same payload. */
        private static ByteBuffer pattern(int length) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(length, 1));
            SplittableRandom random = new SplittableRandom(SEED);
            while (buffer.remaining() >= Long.BYTES) {
                buffer.putLong(random.nextLong());
            }
            while (buffer.hasRemaining()) {
                buffer.put((byte) random.nextInt());
            }
            return buffer.flip().asReadOnlyBuffer();
        }
    }

    /** Picocli converter for sizes like "1GiB", "256MiB", "512KiB", "1000000". */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return ByteSize.parse(value);
        }
    }

    /** {@code size} bytes made by repeating {@code pattern}: a large payload in bounded memory. */
    static final class RepeatingChannel implements ReadableByteChannel {
        private final ByteBuffer pattern;
        private long left;
        private int offset;

        RepeatingChannel(ByteBuffer pattern, long size) {
            this.pattern = pattern.duplicate();
            this.left = size;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(dst.remaining(), left), pattern.capacity() - offset);
            dst.put(pattern.slice(offset, n));
            offset = (offset + n) % pattern.capacity();
            left -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
