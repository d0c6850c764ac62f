package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.miner.RegisteredPoStProof;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.SignedMessage;
import dev.granary.units.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * `granary chain create-miner`: the power actor's CreateMiner, printing what Lotus' `lotus-miner init` /
 * `lotus-shed miner create` print. Signed here with a key file, or, without one, by the node with a key
 * of its wallet (POST /api/v1/miners).
 */
@Command(name = "create-miner", mixinStandardHelpOptions = true,
    description = {"Create a miner actor (power actor f04, CreateMiner), like lotus-miner init.",
        "With --key-file it is signed here (hex-lotus or json-lotus key); without, the node's wallet signs with",
        "the --from key (default: the owner). The worker must be an account with a BLS (f3) key."})
final class CreateMinerCommand extends ApiCommand {

    @Option(names = "--key-file", paramLabel = "KEY", description = "The sender's key; it pays the message."
        + " Without it the node's wallet signs.")
    Path keyFile;

    @Option(names = "--from", paramLabel = "ADDR", converter = MpoolSendCommand.AddressText.class,
        description = "Without --key-file: the wallet key that signs and pays (default: the owner).")
    Address from;

    @Option(names = "--owner", paramLabel = "ADDR", converter = MpoolSendCommand.AddressText.class,
        description = "The owner (default: the key file's address; without a key file: --from, else required).")
    Address owner;

    @Option(names = "--worker", paramLabel = "ADDR", converter = MpoolSendCommand.AddressText.class,
        description = "The worker, an f3 account (default: the owner).")
    Address worker;

    @Option(names = "--sector-size", required = true, paramLabel = "SIZE", converter = SectorSizeText.class,
        description = "2KiB, 8MiB, 512MiB, 32GiB or 64GiB: picks the window PoSt proof (V1_1) of that size.")
    RegisteredPoStProof windowPoStProof;

    @Option(names = "--deposit", paramLabel = "FIL", defaultValue = "0", converter = MpoolSendCommand.AmountText.class,
        description = "Value sent with the message; it becomes the new miner's balance (default: 0).")
    TokenAmount deposit;

    @Option(names = "--max-fee", paramLabel = "FIL", converter = MpoolSendCommand.AmountText.class,
        description = "Cap on the fee the node's gas estimate may set (default: the node's chain.max-fee).")
    TokenAmount maxFee;

    @CommandLine.ArgGroup(exclusive = false)
    MpoolSendCommand.WaitOptions wait;

    @Override
    void checkUsage() {
        if (keyFile != null && from != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from is for the node's wallet; with"
                + " --key-file the key file's address sends");
        }
        if (keyFile == null && owner == null && from == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --key-file, or --owner (and optionally"
                + " --from) to have the node's wallet sign");
        }
    }

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) {
        if (keyFile == null) {
            new NodeSigned(api, out, json).create(nodeRequest(), wait);
            return;
        }
        PrivateKey key = KeyFile.read(keyFile);
        Address ownerAddress = owner != null ? owner : key.address();
        Address workerAddress = worker != null ? worker : ownerAddress;
        byte[] params = CreateMinerParams.CODEC.encode(CreateMinerParams.forNewMiner(ownerAddress, workerAddress,
            windowPoStProof));
        MessageFlow flow = new MessageFlow(api);
        SignedMessage signed = flow.prepare(key, SingletonActors.POWER, deposit, PowerMethods.CREATE_MINER, params,
            Optional.ofNullable(maxFee));
        JsonNode pushed = flow.push(signed);
        String cid = MessageFlow.cid(pushed);
        if (wait == null || !wait.wait) {
            out.println(json ? pushed.toString() : "Pushed CreateMiner message: " + cid);
            return;
        }
        if (!json) {
            out.println("Pushed CreateMiner message: " + cid);
            out.println("Waiting for confirmation");
            out.flush();
        }
        ApiClient.Answer lookup = flow.waitFor(cid, wait.confidence, Durations.parse(wait.timeout));
        if (json) {
            out.println(lookup.body());
        } else {
            MessageFlow.printLookup(lookup.json(), out);
        }
        long exit = MessageFlow.exitCode(lookup.json());
        if (exit != 0) {
            throw new CliFailure("create miner failed: message " + cid + " exited with code " + exit);
        }
        if (!json) {
            CreateMinerReturn created = CreateMinerReturn.CODEC.decode(MessageFlow.returnValue(lookup.json().get("Receipt")));
            out.println("New miners address is: " + created.idAddress() + " (" + created.robustAddress() + ")");
        }
    }

    /** The body of POST /v1/miners. */
    private Map<String, Object> nodeRequest() {
        Address ownerAddress = owner != null ? owner : from;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("owner", ownerAddress.toString());
        body.put("worker", (worker != null ? worker : ownerAddress).toString());
        if (from != null) {
            body.put("from", from.toString());
        }
        body.put("sectorSize", Long.toString(windowPoStProof.sectorSize()));
        body.put("deposit", deposit.attoFil() + " attoFIL");
        if (maxFee != null) {
            body.put("maxFee", maxFee.attoFil() + " attoFIL");
        }
        return body;
    }

    /** The node's wallet signs: POST /v1/miners, then (with --wait) the node's message wait. */
    private record NodeSigned(ApiClient api, PrintWriter out, boolean json) {
        void create(Map<String, Object> body, MpoolSendCommand.WaitOptions wait) {
            ApiClient.Answer answer = api.post("creating a miner owned by " + body.get("owner"), "/v1/miners", body);
            JsonNode message = answer.json().get("message");
            String cid = MessagesCommand.cid(message, "cid");
            if (wait == null || !wait.wait) {
                out.println(json ? answer.body() : "Pushed CreateMiner message: " + cid + " (message "
                    + message.path("id").asLong() + ")");
                return;
            }
            if (!json) {
                out.println("Pushed CreateMiner message: " + cid + " (message " + message.path("id").asLong() + ")");
                out.println("Waiting for confirmation");
                out.flush();
            }
            JsonNode done = MessagesCommand.waitFor(api, Long.toString(message.path("id").asLong()), wait.timeout);
            if (json) {
                out.println(done.toString());
            } else {
                MessagesCommand.print(done, out);
            }
            MessagesCommand.failUnlessConfirmed(done);
            if (!json) {
                CreateMinerReturn created = CreateMinerReturn.CODEC.decode(Base64.getDecoder().decode(
                    ApiCommand.text(done, "return")));
                out.println("New miners address is: " + created.idAddress() + " (" + created.robustAddress() + ")");
            }
        }
    }

    static final class SectorSizeText implements CommandLine.ITypeConverter<RegisteredPoStProof> {
        @Override
        public RegisteredPoStProof convert(String value) {
            try {
                return RegisteredPoStProof.forNewMiner(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
