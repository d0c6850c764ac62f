package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFormatsCommandTest {

    @Test
    void printsEveryFigureAndTheChainRatio() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("formats", "--seconds", "0.05"));
        String text = out.toString();
        for (String figure : new String[] {"dag-cbor encode message", "dag-cbor decode message", "message CID",
            "secp256k1 sign", "secp256k1 verify", "BLS sign", "BLS verify", "BLS aggregate verify",
            "signed secp256k1 message validated"}) {
            Matcher m = Pattern.compile(Pattern.quote(figure) + ".*?\\s([\\d,]+) /s").matcher(text);
            assertTrue(m.find(), "missing " + figure + " in\n" + text);
            assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 0, figure + " measured nothing");
        }
        assertTrue(text.contains("a 2-core chain needs for 2000 msgs/s: x "), text);
    }
}
