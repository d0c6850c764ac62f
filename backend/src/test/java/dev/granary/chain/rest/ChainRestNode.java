package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.auth.Role;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.lotusjson.LotusJson;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.testing.TestNode;
import java.math.BigInteger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import java.security.SecureRandom;
import tools.jackson.databind.JsonNode;

/**
 * A test node on the manual chain clock, driven only through REST: the funded genesis key, an operator's
 * token (read, write: enough to push) and the admin's (to advance the clock), and the steps of sending
 * a message as a wallet would — nonce, gas estimate, sign, push.
 */
final class ChainRestNode implements AutoCloseable {

    static final LotusJson LOTUS = new LotusJson(Network.MAINNET);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestNode node;
    final PrivateKey funded;
    final String operator;

    private ChainRestNode(TestNode node, Path home) {
        this.node = node;
        this.funded = new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED)
            .orElseThrow(() -> new AssertionError("no funded key in " + home));
        this.operator = node.tokenForNewUser("chain-operator", Role.OPERATOR);
    }

    static ChainRestNode start(Path home) {
        return new ChainRestNode(TestNode.start(home), home);
    }

    static PrivateKey newKey(KeyType type) {
        return PrivateKey.generate(type, RANDOM);
    }

    HttpResponse<String> get(String path) {
        return node.request("GET", "/api/v1" + path, null, operator);
    }

    JsonNode getJson(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return TestNode.json(r);
    }

    HttpResponse<String> post(String path, String json) {
        return node.request("POST", "/api/v1" + path, json, operator);
    }

    /** A POST with a binary body (TestNode sends text only). */
    HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/v1" + path)))
            .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
            .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Advances the manual clock through REST, as an admin; returns the new status. */
    JsonNode advance(long epochs) {
        HttpResponse<String> r = node.request("POST", "/api/v1/chain/clock/advance", "{\"epochs\": " + epochs + "}",
            node.adminToken());
        assertEquals(200, r.statusCode(), r.body());
        return TestNode.json(r);
    }

    long headHeight() {
        return getJson("/chain/head").get("Height").asLong();
    }

    long nonce(Address sender) {
        return getJson("/mpool/nonce/" + sender).get("nonce").asLong();
    }

    /** The draft with the node's gas estimate filled in. */
    Message estimate(Message draft) {
        HttpResponse<String> r = post("/chain/gas-estimate", LOTUS.message(draft).toString());
        assertEquals(200, r.statusCode(), r.body());
        return LotusJson.message(TestNode.json(r), "estimate");
    }

    /** A transfer from {@code from} at its next nonce, gas estimated by the node, signed here. */
    SignedMessage transfer(PrivateKey from, Address to, TokenAmount value) {
        return call(from, to, value, 0, new byte[0]);
    }

    SignedMessage call(PrivateKey from, Address to, TokenAmount value, long method, byte[] params) {
        Message draft = new Message(0, to, from.address(), nonce(from.address()), value, 0, TokenAmount.ZERO,
            TokenAmount.ZERO, method, params);
        return estimate(draft).sign(from);
    }

    HttpResponse<String> push(SignedMessage message) {
        return post("/mpool/messages", LOTUS.signedMessage(message).toString());
    }

    /** Pushes, expecting acceptance. */
    void pushAccepted(SignedMessage message) {
        HttpResponse<String> r = push(message);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(message.cid().toString(), TestNode.json(r).at("/CID/~1").asString());
    }

    /** Pushes, includes (one epoch) and executes (the next) the message; returns its MsgLookup. */
    JsonNode execute(SignedMessage message) {
        pushAccepted(message);
        advance(2);
        return getJson("/chain/messages/" + message.cid() + "/wait?timeout=5s");
    }

    /** The balance at the head; zero for an address without an actor, as Lotus' WalletBalance. */
    TokenAmount balance(Address address) {
        HttpResponse<String> r = get("/chain/actors/" + address);
        if (r.statusCode() == 404) {
            return TokenAmount.ZERO;
        }
        assertEquals(200, r.statusCode(), r.body());
        return TokenAmount.ofAtto(new BigInteger(TestNode.json(r).get("balance").asString()));
    }

    @Override
    public void close() {
        node.close();
    }
}
