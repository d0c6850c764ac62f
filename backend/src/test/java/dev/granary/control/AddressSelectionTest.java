package dev.granary.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.SendRequest;
import dev.granary.testing.TestNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Lotus' AddressSelector rules on a real miner: owner 100 FIL, worker 100 FIL, and on-chain control
 * addresses [rich outsider (1000 FIL, key not here), c1 10 FIL, c2 10 FIL, c3 30 FIL]; plus a funded
 * wallet key that is not a control address. Each test sets the selection config it needs.
 */
class AddressSelectionTest {

    @TempDir
    static Path home;
    static ControlNode n;
    static ControlService control;
    static Address miner;
    static Address owner;
    static Address worker;
    static Address outsider;
    static Address c1;
    static Address c2;
    static Address c3;
    static Address stranger;

    @BeforeAll
    static void start() {
        n = ControlNode.start(home, "");
        control = n.node.node().control();
        owner = n.walletKey(KeyType.SECP256K1, "owner");
        worker = n.walletKey(KeyType.BLS, "worker");
        PrivateKey outside = ControlNode.outsideKey(KeyType.SECP256K1);
        outsider = outside.address();
        c1 = n.walletKey(KeyType.SECP256K1, "c1");
        c2 = n.walletKey(KeyType.SECP256K1, "c2");
        c3 = n.walletKey(KeyType.SECP256K1, "c3");
        stranger = n.walletKey(KeyType.SECP256K1, "not-a-control");
        n.fund(TokenAmount.ofFil(100), owner, worker, stranger);
        n.fund(TokenAmount.ofFil(1000), outsider);
        n.fund(TokenAmount.ofFil(10), c1, c2);
        n.fund(TokenAmount.ofFil(30), c3);
        miner = n.createMiner(n.funded, owner, worker);
        var set = control.setControlAddresses(ControlNode.SYSTEM, miner, List.of(outsider, c1, c2, c3));
        n.settle();
        n.confirmed(set);
        // The owner paid gas for that; top it back up to exactly 100 FIL so the balances below are round.
        TokenAmount spent = TokenAmount.ofFil(100).subtract(n.balance(owner));
        var topUp = n.node.node().messages().send(ControlNode.SYSTEM,
            SendRequest.transfer(n.funded, owner, spent, Optional.empty()));
        n.settle();
        n.confirmed(topUp);
        assertEquals(TokenAmount.ofFil(100), n.balance(owner));
    }

    @AfterAll
    static void stop() {
        n.close();
    }

    @BeforeEach
    void defaults() {
        configure(SelectionConfig.DEFAULT);
    }

    private static void configure(SelectionConfig config) {
        control.setSelectionConfig(ControlNode.SYSTEM, miner, config);
    }

    private static SelectionConfig preCommit(List<Address> addresses, boolean disableOwner, boolean disableWorker) {
        return new SelectionConfig(addresses, List.of(), List.of(), List.of(), disableOwner, disableWorker);
    }

    private static AddressChoice select(AddressUse use, long goodFil, long minFil) {
        return control.select(miner, use, TokenAmount.ofFil(goodFil), TokenAmount.ofFil(minFil));
    }

    private static Address chosen(AddressChoice choice) {
        return choice.chosen().orElseThrow(() -> new AssertionError("nothing chosen: " + choice));
    }

    private static String verdictOf(AddressChoice choice, Address address) {
        Address id = n.idOf(address);
        return choice.candidates().stream().filter(c -> c.address().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError(address + " is no candidate of " + choice)).verdict();
    }

    private static List<String> sources(AddressChoice choice) {
        return choice.candidates().stream().map(Candidate::source).toList();
    }

    @Test
    void postTakesTheFirstFundedControlAddressWhoseKeyIsHere() {
        AddressChoice post = select(AddressUse.POST, 5, 1);
        assertEquals(n.idOf(c1), chosen(post));
        assertEquals(List.of("control-0", "control-1", "control-2", "control-3", "worker", "owner"), sources(post));
        assertEquals("skipped: key " + outsider + " is not in this node's wallet", verdictOf(post, outsider),
            "the richest candidate is skipped: its key is elsewhere");
        assertEquals("taken: 10 FIL ≥ 5 FIL needed", verdictOf(post, c1));
        assertEquals("not needed: " + n.idOf(c1) + " was taken first", verdictOf(post, c3));

        AddressChoice richer = select(AddressUse.POST, 20, 1);
        assertEquals(n.idOf(c3), chosen(richer), "c1 and c2 have 10 FIL < 20");
        assertEquals("short: 10 FIL < 20 FIL needed", verdictOf(richer, c1));
    }

    @Test
    void otherUsesFallBackToTheWorkerThenTheOwnerWhenNothingIsConfigured() {
        for (AddressUse use : List.of(AddressUse.PRE_COMMIT, AddressUse.COMMIT, AddressUse.TERMINATE,
                AddressUse.DEAL_PUBLISH)) {
            AddressChoice choice = select(use, 5, 1);
            assertEquals(n.idOf(worker), chosen(choice), use.label());
            assertEquals(List.of("worker", "owner"), sources(choice), use.label());
        }
    }

    @Test
    void aConfiguredAddressSendsItsUseAndLeavesThePoStList() {
        configure(preCommit(List.of(c2), false, false));
        AddressChoice pre = select(AddressUse.PRE_COMMIT, 5, 1);
        assertEquals(n.idOf(c2), chosen(pre));
        assertEquals(List.of("PreCommitControl", "worker", "owner"), sources(pre));
        AddressChoice post = select(AddressUse.POST, 15, 1);
        assertEquals("skipped: also configured for PreCommit", verdictOf(post, c2));
        assertEquals(n.idOf(c3), chosen(post));
        assertEquals(n.idOf(worker), chosen(select(AddressUse.COMMIT, 5, 1)), "Commit has nothing configured");
    }

    @Test
    void withoutEnoughFundsAnywhereTheLeastBadAddressIsTakenOrNone() {
        AddressChoice leastBad = select(AddressUse.POST, 500, 1);
        assertEquals(n.idOf(worker), chosen(leastBad), "worker and owner have 100 FIL, the worker comes first");
        assertTrue(verdictOf(leastBad, worker).startsWith("taken as the least bad: 100 FIL < 500 FIL wanted"),
            verdictOf(leastBad, worker));
        assertTrue(leastBad.reason().contains("no usable address has 500 FIL"), leastBad.reason());

        AddressChoice none = select(AddressUse.POST, 500, 200);
        assertTrue(none.chosen().isEmpty(), none.toString());
        assertTrue(none.reason().startsWith("no address can send PoSt messages for " + miner), none.reason());
    }

    @Test
    void disableWorkerFallbackSkipsTheWorkerUnlessNothingElseIsListed() {
        configure(preCommit(List.of(c2), false, true));
        AddressChoice pre = select(AddressUse.PRE_COMMIT, 20, 1);
        assertEquals("skipped: DisableWorkerFallback is set", verdictOf(pre, worker));
        assertEquals(n.idOf(owner), chosen(pre), "c2 has 10 FIL < 20, the worker is skipped, the owner pays");

        AddressChoice commit = select(AddressUse.COMMIT, 20, 1);
        assertEquals(n.idOf(worker), chosen(commit), "nothing is listed for Commit, so the worker is used anyway (Lotus)");
        assertEquals("taken: 100 FIL ≥ 20 FIL needed (DisableWorkerFallback is set, but nothing else is listed for Commit,"
            + " so the worker stands in, as in Lotus)", verdictOf(commit, worker));
    }

    @Test
    void disableOwnerFallbackLeavesTheOwnerOutSoTheLeastBadConfiguredAddressIsTaken() {
        configure(preCommit(List.of(c2), true, true));
        AddressChoice pre = select(AddressUse.PRE_COMMIT, 20, 1);
        assertEquals("skipped: DisableOwnerFallback is set", verdictOf(pre, owner));
        assertEquals(n.idOf(c2), chosen(pre), "a control address short of funds still beats no address");

        configure(new SelectionConfig(List.of(), List.of(), List.of(), List.of(), true, false));
        AddressChoice commit = select(AddressUse.COMMIT, 500, 200);
        assertTrue(commit.chosen().isEmpty(), "the worker's 100 FIL are below the 200 FIL minimum, the owner is off");
        assertEquals(List.of("worker", "owner"), sources(commit));
    }

    @Test
    void addressesThatAreNotControlAddressesOfTheMinerAreSkipped() {
        configure(preCommit(List.of(stranger, ControlNode.outsideKey(KeyType.SECP256K1).address()), false, false));
        AddressChoice pre = select(AddressUse.PRE_COMMIT, 5, 1);
        assertTrue(verdictOf(pre, stranger).startsWith("skipped: not the owner, worker or a control address of " + miner),
            verdictOf(pre, stranger));
        assertTrue(pre.candidates().get(1).verdict().contains("has no actor on chain"), pre.candidates().get(1).verdict());
        assertEquals(n.idOf(worker), chosen(pre));
    }

    @Test
    void theExplanationThroughRestCoversEveryMessageTypeAndTheConfigRoundTrips() {
        String body = "{\"preCommitControl\": [\"" + c2 + "\"], \"commitControl\": [\"" + c3 + "\"],"
            + " \"disableWorkerFallback\": true}";
        var put = n.request("PUT", "/miners/" + miner + "/control/selection", body);
        assertEquals(200, put.statusCode(), put.body());
        JsonNode answer = n.getJson("/miners/" + miner + "/control/selection");
        assertEquals("[\"" + c2 + "\"]", answer.at("/config/preCommitControl").toString());
        assertEquals("[\"" + c3 + "\"]", answer.at("/config/commitControl").toString());
        assertTrue(answer.at("/config/disableWorkerFallback").asBoolean());
        JsonNode explanation = answer.get("explanation");
        assertEquals(5, explanation.size());
        assertEquals("PoSt", explanation.get(0).get("use").asString());
        assertEquals(n.idOf(c1).toString(), explanation.get(0).get("chosen").asString());
        assertEquals("0.07 FIL", explanation.get(0).get("goodFunds").asString(), "messages.max-fee");
        assertEquals(n.idOf(c2).toString(), explanation.get(1).get("chosen").asString(), "PreCommit");
        assertEquals(n.idOf(c3).toString(), explanation.get(2).get("chosen").asString(), "Commit");
        assertEquals("DealPublish", explanation.get(3).get("use").asString());
        assertEquals("0 FIL", explanation.get(3).get("goodFunds").asString());
        assertEquals(n.idOf(worker).toString(), explanation.get(3).get("chosen").asString(),
            "nothing configured for DealPublish: the worker, despite DisableWorkerFallback");
        JsonNode terminate = explanation.get(4);
        assertEquals("Terminate", terminate.get("use").asString());
        assertEquals(terminate.get("goodFunds"), terminate.get("minFunds"), "Lotus passes MaxTerminateGasFee for both");

        JsonNode overview = n.getJson("/miners/" + miner + "/control");
        for (JsonNode e : overview.get("addresses")) {
            if (e.get("idAddress").asString().equals(n.idOf(c2).toString())) {
                assertEquals("[\"control-2\",\"PreCommit\"]", e.get("roles").toString(), "no longer PoSt");
            }
        }
        var bad = n.request("PUT", "/miners/" + miner + "/control/selection", "{\"commitControl\": [\"f1nope\"]}");
        assertEquals(400, bad.statusCode(), bad.body());
        var twice = n.request("PUT", "/miners/" + miner + "/control/selection",
            "{\"commitControl\": [\"" + c3 + "\", \"" + c3 + "\"]}");
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(TestNode.json(twice).get("detail").asString().contains("listed twice"), twice.body());
    }
}
