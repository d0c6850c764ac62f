package dev.granary.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.address.Address;
import dev.granary.auth.Actor;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.chain.types.TipSetKey;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.SendRequest;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A real node for control-wallet tests (manual chain clock, messages confirmed after one tipset) with
 * the steps every test needs: wallet keys, keys kept outside the wallet, funding, CreateMiner.
 */
public final class ControlNode implements AutoCloseable {

    public static final Actor SYSTEM = Actor.system();
    /** Epochs from a push to CONFIRMED with confidence 1: included, executed, one tipset on top. */
    public static final int SETTLE = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    public final TestNode node;
    public final Address funded;

    private ControlNode(TestNode node) {
        this.node = node;
        this.funded = node.node().wallets().defaultAddress().orElseThrow();
    }

    public static ControlNode start(Path home, String extraToml) {
        TestNode.writeConfig(home, "[messages]\nconfidence = 1\n" + extraToml);
        return new ControlNode(TestNode.start(home));
    }

    /** A new key in this node's wallet. */
    public Address walletKey(KeyType type, String label) {
        return node.node().wallets().create(SYSTEM, type, label).address();
    }

    /** A key this node does not hold. */
    public static PrivateKey outsideKey(KeyType type) {
        return PrivateKey.generate(type, RANDOM);
    }

    /** Sends {@code amount} from the genesis-funded key to each address and waits for it. */
    public void fund(TokenAmount amount, Address... addresses) {
        List<OutgoingMessage> sent = java.util.Arrays.stream(addresses)
            .map(a -> node.node().messages().send(SYSTEM, SendRequest.transfer(funded, a, amount, Optional.empty())))
            .toList();
        settle();
        sent.forEach(this::confirmed);
    }

    public void settle() {
        node.advanceEpochs(SETTLE);
    }

    /** The message as it is now, asserted CONFIRMED. */
    public OutgoingMessage confirmed(OutgoingMessage m) {
        OutgoingMessage now = node.node().messages().get(SYSTEM, m.id());
        assertEquals(MessageState.CONFIRMED, now.state(), now.toString());
        return now;
    }

    /** CreateMiner sent by {@code sender} (in the wallet) for this owner and worker; the new miner's ID address. */
    public Address createMiner(Address sender, Address owner, Address worker) {
        byte[] params = CreateMinerParams.CODEC.encode(new CreateMinerParams(owner, worker, 10, new byte[0], List.of()));
        OutgoingMessage m = node.node().messages().send(SYSTEM, new SendRequest(sender, SingletonActors.POWER,
            TokenAmount.ZERO, PowerMethods.CREATE_MINER, params, "create-miner", Optional.empty(), Optional.empty()));
        settle();
        return CreateMinerReturn.CODEC.decode(confirmed(m).returnValue()).idAddress();
    }

    public Address idOf(Address address) {
        return node.node().chain().stateLookupId(address, TipSetKey.EMPTY).orElseThrow();
    }

    public TokenAmount balance(Address address) {
        return node.node().chain().walletBalance(address);
    }

    public HttpResponse<String> request(String method, String path, String body) {
        return node.request(method, "/api/v1" + path, body, node.adminToken());
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> r = request("GET", path, null);
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return TestNode.json(r);
    }

    /** Imports a key from outside into the wallet (as an admin would). */
    public void importKey(PrivateKey key) {
        node.node().wallets().importKey(SYSTEM, KeyFormat.HEX_LOTUS, KeyFormat.HEX_LOTUS.export(key), "imported");
    }

    @Override
    public void close() {
        node.close();
    }
}
