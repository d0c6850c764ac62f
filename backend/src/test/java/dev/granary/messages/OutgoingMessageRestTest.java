package dev.granary.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Role;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** POST/GET /api/v1/messages as a signer and a viewer would use them. */
class OutgoingMessageRestTest {

    @Test
    void sendWithAnIdempotencyKeyHeaderListGetAndPermissions(@TempDir Path home) {
        try (TestNode node = MessageServiceTest.start(home)) {
            String signer = node.tokenForNewUser("treasurer", Role.SIGNER);
            String viewer = node.tokenForNewUser("auditor", Role.VIEWER);
            String to = MessageServiceTest.newWallet(node, "receiver").toString();
            String body = "{\"to\": \"" + to + "\", \"value\": \"1.5 FIL\"}";
            Map<String, String> headers = Map.of("Authorization", "Bearer " + signer, "Idempotency-Key", "rent-2026-11");

            HttpResponse<String> first = node.send("POST", "/api/v1/messages", "application/json", body, headers);
            assertEquals(201, first.statusCode(), first.body());
            JsonNode sent = TestNode.json(first);
            assertEquals("pushed", sent.get("state").asString());
            assertEquals("1500000000000000000", sent.get("value").asString());
            HttpResponse<String> retry = node.send("POST", "/api/v1/messages", "application/json", body, headers);
            assertEquals(200, retry.statusCode(), retry.body());
            assertEquals(sent.get("cid"), TestNode.json(retry).get("cid"));
            HttpResponse<String> conflict = node.send("POST", "/api/v1/messages", "application/json",
                "{\"to\": \"" + to + "\", \"value\": \"2 FIL\"}", headers);
            assertEquals(409, conflict.statusCode(), conflict.body());

            HttpResponse<String> ambiguous = node.request("POST", "/api/v1/messages",
                "{\"to\": \"" + to + "\", \"value\": \"1.5\"}", signer);
            assertEquals(400, ambiguous.statusCode());
            assertTrue(ambiguous.body().contains("no unit"), ambiguous.body());
            assertEquals(403, node.request("POST", "/api/v1/messages", body, viewer).statusCode(),
                "sending needs the sign permission");

            JsonNode page = TestNode.json(node.request("GET", "/api/v1/messages?state=pushed", null, viewer));
            assertEquals(1, page.get("messages").size());
            long id = page.get("messages").get(0).get("id").asLong();
            String cid = sent.get("cid").get("/").asString();
            assertEquals(id, TestNode.json(node.request("GET", "/api/v1/messages/" + cid, null, viewer)).get("id").asLong());
            assertEquals(404, node.request("GET", "/api/v1/messages/999", null, viewer).statusCode());

            node.advanceEpochs(3);
            HttpResponse<String> waited = node.request("POST", "/api/v1/messages/" + id + "/wait?timeout=5s", null, viewer);
            assertEquals(200, waited.statusCode(), waited.body());
            assertEquals("confirmed", TestNode.json(waited).get("state").asString());
            assertEquals(0, TestNode.json(waited).get("exitCode").asLong());
            HttpResponse<String> late = node.request("POST", "/api/v1/messages/" + id + "/replace", "{\"auto\": true}", signer);
            assertEquals(409, late.statusCode(), "a confirmed message cannot be replaced: " + late.body());
        }
    }

    @Test
    void aSendThePoolRefusesIsAConflictNamingTheMessageAndTheReason(@TempDir Path home) {
        try (TestNode node = MessageServiceTest.start(home)) {
            String signer = node.tokenForNewUser("spender", Role.SIGNER);
            String to = MessageServiceTest.newWallet(node, "receiver").toString();
            // All of the balance: enough for the value, not for the gas on top, so the pool refuses it.
            String all = node.node().chain().walletBalance(MessageServiceTest.funded(node)).attoFil() + " attoFIL";
            HttpResponse<String> refused = node.request("POST", "/api/v1/messages",
                "{\"to\": \"" + to + "\", \"value\": \"" + all + "\"}", signer);
            assertEquals(409, refused.statusCode(), refused.body());
            JsonNode problem = TestNode.json(refused);
            assertEquals("urn:granary:problem:message-rejected", problem.get("type").asString());
            assertEquals("rejected", problem.get("state").asString());
            assertTrue(problem.get("detail").asString().contains("nothing was sent"), refused.body());
            long id = problem.get("messageId").asLong();
            JsonNode recorded = TestNode.json(node.request("GET", "/api/v1/messages/" + id, null, signer));
            assertEquals("rejected", recorded.get("state").asString());
        }
    }
    /**
     * Amounts beyond Filecoin's total supply are refused with a 400 before anything is signed or recorded
     * (a 201-digit max fee once reached the database and failed there with a 500).
     */
    @Test
    void amountsAboveTheTotalSupplyAreRefusedWith400(@TempDir Path home) {
        try (TestNode node = MessageServiceTest.start(home)) {
            String signer = node.tokenForNewUser("spender", Role.SIGNER);
            String to = MessageServiceTest.newWallet(node, "receiver").toString();
            String huge = "1" + "0".repeat(200);
            HttpResponse<String> maxFee = node.request("POST", "/api/v1/messages",
                "{\"to\": \"" + to + "\", \"value\": \"1 FIL\", \"maxFee\": " + huge + "}", signer);
            assertEquals(400, maxFee.statusCode(), maxFee.body());
            assertTrue(maxFee.body().contains("max fee") && maxFee.body().contains("total supply"), maxFee.body());
            assertEquals(0, TestNode.json(node.request("GET", "/api/v1/messages", null, signer)).get("messages").size(),
                "nothing was recorded");

            HttpResponse<String> sent = node.request("POST", "/api/v1/messages",
                "{\"to\": \"" + to + "\", \"value\": \"1 FIL\"}", signer);
            assertEquals(201, sent.statusCode(), sent.body());
            long id = TestNode.json(sent).get("id").asLong();
            HttpResponse<String> premium = node.request("POST", "/api/v1/messages/" + id + "/replace",
                "{\"gasPremium\": " + huge + ", \"maxFee\": " + huge + "}", signer);
            assertEquals(400, premium.statusCode(), premium.body());
            assertTrue(premium.body().contains("total supply"), premium.body());
            assertEquals(0, TestNode.json(node.request("GET", "/api/v1/messages/" + id, null, signer))
                .get("replacements").asLong());
        }
    }

    @Test
    void aMisspelledFieldIsRefusedRatherThanIgnored(@TempDir Path home) {
        try (TestNode node = MessageServiceTest.start(home)) {
            String signer = node.tokenForNewUser("typist", Role.SIGNER);
            String to = MessageServiceTest.newWallet(node, "receiver").toString();
            HttpResponse<String> r = node.request("POST", "/api/v1/messages",
                "{\"to\": \"" + to + "\", \"value\": \"1 FIL\", \"idempotency_key\": \"k1\"}", signer);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("unknown field 'idempotency_key'") && r.body().contains("idempotencyKey"), r.body());
            JsonNode page = TestNode.json(node.request("GET", "/api/v1/messages", null, signer));
            assertEquals(0, page.get("messages").size(), "nothing was sent");
        }
    }
}
