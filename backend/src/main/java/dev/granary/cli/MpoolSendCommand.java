package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.SignedMessage;
import dev.granary.units.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * `granary mpool send`: until the wallet store exists, a transfer (or any method call) signed with a
 * key file on this machine. The node is asked only for the nonce and a gas estimate; the key never
 * leaves the machine.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = {"Send FIL (or call a method) from the address of a key file: builds the message, asks the node",
        "for the nonce and a gas estimate, signs it here, pushes it and prints its CID.",
        "The key file is hex-lotus or json-lotus, as `lotus wallet export` writes it."})
final class MpoolSendCommand extends ApiCommand {

    @Option(names = "--key-file", required = true, paramLabel = "KEY", description = "The sender's key.")
    Path keyFile;

    @Option(names = "--to", required = true, paramLabel = "ADDR", converter = AddressText.class,
        description = "The recipient, e.g. f1... or f01234.")
    Address to;

    @Option(names = "--value", required = true, paramLabel = "FIL", converter = AmountText.class,
        description = "Amount to send: 1.5, 1.5 FIL, 250 nanoFIL.")
    TokenAmount value;

    @Option(names = "--method", paramLabel = "N", defaultValue = "0", description = "Method number (default: 0, a transfer).")
    long method;

    @Option(names = "--params-hex", paramLabel = "HEX", defaultValue = "",
        description = "The method's parameters: dag-cbor bytes in hex.")
    String paramsHex;

    @Option(names = "--max-fee", paramLabel = "FIL", converter = AmountText.class,
        description = "Cap on the fee the node's gas estimate may set (default: the node's chain.max-fee).")
    TokenAmount maxFee;

    @CommandLine.ArgGroup(exclusive = false)
    WaitOptions wait;

    @Override
    void checkUsage() {
        params();
    }

    private byte[] params() {
        try {
            return HexFormat.of().parseHex(paramsHex.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--params-hex is not hex: " + e.getMessage());
        }
    }

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) {
        PrivateKey key = KeyFile.read(keyFile);
        MessageFlow flow = new MessageFlow(api);
        SignedMessage signed = flow.prepare(key, to, value, method, params(), Optional.ofNullable(maxFee));
        JsonNode pushed = flow.push(signed);
        String cid = MessageFlow.cid(pushed);
        if (wait == null || !wait.wait) {
            out.println(json ? pushed.toString() : cid);
            return;
        }
        ApiClient.Answer lookup = flow.waitFor(cid, wait.confidence, Durations.parse(wait.timeout));
        if (json) {
            out.println(lookup.body());
        } else {
            out.println(cid);
            MessageFlow.printLookup(lookup.json(), out);
        }
        long exit = MessageFlow.exitCode(lookup.json());
        if (exit != 0) {
            throw new CliFailure("message " + cid + " failed on chain with exit code " + exit);
        }
    }

    /** --wait and what it waits for; shared with create-miner. */
    static final class WaitOptions {
        @Option(names = "--wait", required = true, description = "Wait until the message has executed and print its receipt.")
        boolean wait;

        @Option(names = "--confidence", paramLabel = "N", defaultValue = "0",
            description = "With --wait: tipsets built on the receipt's first (default: ${DEFAULT-VALUE}).")
        long confidence;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            converter = AuthCommand.DurationText.class, description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}).")
        String timeout;
    }

    static final class AddressText implements CommandLine.ITypeConverter<Address> {
        @Override
        public Address convert(String value) {
            try {
                return Address.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a Filecoin address: " + e.getMessage());
            }
        }
    }

    static final class AmountText implements CommandLine.ITypeConverter<TokenAmount> {
        @Override
        public TokenAmount convert(String value) {
            try {
                return TokenAmount.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
