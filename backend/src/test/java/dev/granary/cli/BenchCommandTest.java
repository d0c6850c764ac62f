package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommP;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void benchReportsEveryRunAndTheirAgreement() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("commp", "--size", "3MiB", "--threads", "2");
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("3 MiB payload (3145728 bytes)"), text);
        assertTrue(text.contains("single-buffer CommP limit (native rate / 4)"), text);
        for (String run : new String[] {"native, 1 thread", "native, 2 threads", "java, 1 thread", "java, 2 threads"}) {
            assertTrue(text.contains(run), "missing " + run + " in\n" + text);
        }
        assertTrue(text.contains("all runs agree: CommP "), text);
    }

    @Test
    void rejectsUnparseableSizes() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("commp", "--size", "lots"));
        assertTrue(err.toString().contains("'lots' is not a size"), err.toString());
    }

    @Test
    void repeatingChannelYieldsExactlyTheRequestedBytes() throws Exception {
        ByteBuffer pattern = ByteBuffer.allocateDirect(1000);
        for (int i = 0; i < 1000; i++) {
            pattern.put(i, (byte) i);
        }
        long size = 5 * 1000 + 123;
        byte[] expected = new byte[(int) size];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i % 1000);
        }
        CommP commP = new CommP(Kernels.java(), 1, 4);
        assertEquals(commP.compute(expected), commP.compute(new BenchCommand.RepeatingChannel(pattern, size)));
    }
}
