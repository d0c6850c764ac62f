package dev.granary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.granary.kernels.commp.CommP;
import dev.granary.piece.PieceCid;
import dev.granary.units.ByteSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** `granary commp FILE`: the piece commitment of a file, as piece CIDs v1 and v2. */
@Command(name = "commp", mixinStandardHelpOptions = true,
        description = "Compute the piece commitment (CommP) of a file and print its piece CIDs v1 and v2.")
public final class CommpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The payload.")
    Path file;

    @Option(names = "--json", description = "Print one line of JSON: payloadSize, paddedSize, pieceCidV1, pieceCidV2.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String unreadable = whyUnreadable(file);
        if (unreadable != null) {
            err.println("granary commp: " + file + ": " + unreadable);
            return 1;
        }
        CommP.Result result;
        try {
            result = CommP.withDefaults().compute(file);
        } catch (IOException | IllegalArgumentException e) {
            err.println("granary commp: computing CommP of " + file + ": " + reason(e));
            return 1;
        }
        print(result, spec.commandLine().getOut());
        return 0;
    }

    private void print(CommP.Result result, PrintWriter out) {
        String v1 = PieceCid.v1(result).toString();
        String v2 = PieceCid.v2(result).toString();
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("payloadSize", result.payloadSize());
            fields.put("paddedSize", result.paddedSize());
            fields.put("pieceCidV1", v1);
            fields.put("pieceCidV2", v2);
            out.println(JsonMapper.shared().writeValueAsString(fields));
        } else {
            out.println("payload size:  " + bytes(result.payloadSize()));
            out.println("padded size:   " + bytes(result.paddedSize()));
            out.println("piece CID v1:  " + v1);
            out.println("piece CID v2:  " + v2);
        }
        out.flush();
    }

    private static String bytes(long n) {
        return n < 1024 ? n + " bytes" : n + " bytes (" + ByteSize.format(n) + ")";
    }

    /** Null when the file can be read, else the reason in a few words. */
    private static String whyUnreadable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (!Files.isReadable(file)) {
            return "permission denied";
        }
        return null;
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
