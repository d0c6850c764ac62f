package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.crypto.Bls;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.crypto.Signature;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `granary bench formats`: what one core does per second with the formats a chain lives on — dag-cbor
 * messages, message CIDs, secp256k1 and BLS signatures — and how many signed messages it could
 * validate against what a 2-core node needs to apply a few thousand messages a second.
 */
@Command(name = "formats", mixinStandardHelpOptions = true,
    description = "Benchmark dag-cbor message coding, CIDs, secp256k1 and BLS signatures on one core.")
public final class BenchFormatsCommand implements Callable<Integer> {

    /** Messages per second a chain on 2 cores should apply; per core that is half. */
    static final double CHAIN_TARGET_PER_SECOND = 2000;
    private static final int BATCH = 256;
    private static final int AGGREGATE = 100;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1",
        description = "Measuring time per figure, after a warm-up (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long nanos = (long) (seconds * 1e9);
        Random random = new Random(42);
        PrivateKey secp = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom());
        PrivateKey bls = PrivateKey.generate(KeyType.BLS, new SecureRandom());
        List<Message> messages = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        List<SignedMessage> signedSecp = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Message m = message(random, secp.address(), i);
            messages.add(m);
            encoded.add(m.toCbor());
            signedSecp.add(m.sign(secp));
        }
        byte[] cidBytes = messages.get(0).cid().bytes();
        Signature secpSig = secp.sign(cidBytes);
        Signature blsSig = bls.sign(cidBytes);
        List<byte[]> aggMessages = new ArrayList<>();
        List<byte[]> aggKeys = new ArrayList<>();
        List<byte[]> aggSigs = new ArrayList<>();
        for (int i = 0; i < AGGREGATE; i++) {
            PrivateKey k = PrivateKey.generate(KeyType.BLS, new SecureRandom());
            byte[] msg = messages.get(i).cid().bytes();
            aggMessages.add(msg);
            aggKeys.add(k.publicKey());
            aggSigs.add(k.sign(msg).data());
        }
        byte[] aggregate = Bls.aggregate(aggSigs);

        out.printf(Locale.ROOT, "Formats benchmark: one thread, %.1f s per figure, %d-byte messages on average%n%n",
            seconds, encoded.stream().mapToInt(b -> b.length).sum() / BATCH);
        double encode = rate(nanos, i -> messages.get(i % BATCH).toCbor());
        double decode = rate(nanos, i -> Message.fromCbor(encoded.get(i % BATCH)));
        double cid = rate(nanos, i -> messages.get(i % BATCH).cid());
        double secpSign = rate(nanos, i -> secp.sign(cidBytes));
        double secpVerify = rate(nanos, i -> require(secpSig.verify(secp.address(), cidBytes)));
        double blsSign = rate(nanos, i -> bls.sign(cidBytes));
        double blsVerify = rate(nanos, i -> require(blsSig.verify(bls.address(), cidBytes)));
        double aggVerify = rate(nanos, i -> require(Bls.verifyAggregate(aggregate, aggMessages, aggKeys))) * AGGREGATE;
        double validate = rate(nanos, i -> require(SignedMessage.fromCbor(signedSecp.get(i % BATCH).toCbor()).verify()));

        row(out, "dag-cbor encode message", encode);
        row(out, "dag-cbor decode message", decode);
        row(out, "message CID (encode + blake2b-256)", cid);
        row(out, "secp256k1 sign", secpSign);
        row(out, "secp256k1 verify (key recovery)", secpVerify);
        row(out, "BLS sign", blsSign);
        row(out, "BLS verify", blsVerify);
        row(out, "BLS aggregate verify (" + AGGREGATE + " msgs), msgs", aggVerify);
        row(out, "signed secp256k1 message validated", validate);
        double perCore = CHAIN_TARGET_PER_SECOND / 2;
        out.printf(Locale.ROOT, "%nvalidation vs the %.0f msgs/s per core a 2-core chain needs for %.0f msgs/s: x %.2f%n",
            perCore, CHAIN_TARGET_PER_SECOND, validate / perCore);
        out.printf(Locale.ROOT, "cbor decode vs secp256k1 verify: x %.1f (signature checks dominate)%n", decode / secpVerify);
        out.flush();
        return 0;
    }

    private static Message message(Random r, Address from, int nonce) {
        byte[] params = new byte[r.nextInt(64)];
        r.nextBytes(params);
        return new Message(0, Address.ofId(1000 + r.nextInt(100_000)), from, nonce,
            TokenAmount.ofAtto(r.nextInt(1_000_000_000)), 1_000_000 + r.nextInt(10_000_000), TokenAmount.ofAtto(100_000),
            TokenAmount.ofAtto(1_000 + r.nextInt(1000)), r.nextInt(30), params);
    }

    private static Object require(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("benchmark input failed to verify");
        }
        return null;
    }

    /** Operations per second of {@code op(i)}, after a warm-up of a third of the measuring time. */
    private static double rate(long nanos, Operation op) {
        run(nanos / 3, op);
        return run(nanos, op);
    }

    private static double run(long nanos, Operation op) {
        long start = System.nanoTime();
        long end = start + nanos;
        int n = 0;
        long now;
        do {
            op.apply(n++);
            now = System.nanoTime();
        } while (now < end);
        return n / ((now - start) / 1e9);
    }

    private static void row(PrintWriter out, String label, double perSecond) {
        out.printf(Locale.ROOT, "  %-48s %,12.0f /s%n", label, perSecond);
    }

    @FunctionalInterface
    interface Operation {
        Object apply(int i);
    }
}
