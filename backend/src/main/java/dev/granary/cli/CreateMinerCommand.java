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
import dev.granary.units.ByteSize;
import dev.granary.units.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * `granary chain create-miner`: the power actor's CreateMiner, signed with a key file on this machine,
 * printing what Lotus' `lotus-miner init` / `lotus-shed miner create` print.
 */
@Command(name = "create-miner", mixinStandardHelpOptions = true,
    description = {"Create a miner actor (power actor f04, CreateMiner) from the address of a key file.",
        "The worker must be an account with a BLS (f3) key. The key file is hex-lotus or json-lotus."})
final class CreateMinerCommand extends ChainCommand.ChainVerb {

    @Option(names = "--key-file", required = true, paramLabel = "KEY", description = "The sender's key; it pays the message.")
    Path keyFile;

    @Option(names = "--owner", paramLabel = "ADDR", converter = MpoolSendCommand.AddressText.class,
        description = "The owner (default: the key file's address).")
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
    void run(ApiClient api, PrintWriter out, PrintWriter err) {
        PrivateKey key = KeyFile.read(keyFile);
        Address ownerAddress = owner != null ? owner : key.address();
        Address workerAddress = worker != null ? worker : ownerAddress;
        byte[] params = CreateMinerParams.CODEC.encode(new CreateMinerParams(ownerAddress, workerAddress,
            windowPoStProof.number(), new byte[0], List.of()));
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

    static final class SectorSizeText implements CommandLine.ITypeConverter<RegisteredPoStProof> {
        @Override
        public RegisteredPoStProof convert(String value) {
            Optional<RegisteredPoStProof> proof;
            try {
                proof = RegisteredPoStProof.windowV1_1ForSectorSize(ByteSize.parse(value));
            } catch (IllegalArgumentException e) {
                proof = Optional.empty();
            }
            return proof.orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                + "' is not a sector size a miner can have; use 2KiB, 8MiB, 512MiB, 32GiB or 64GiB"));
        }
    }
}
