package dev.granary.ui.control;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import dev.granary.address.Address;
import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.chain.types.TipSetKey;
import dev.granary.crypto.KeyType;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageQuery;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.SendRequest;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import dev.granary.ui.wallet.DevnetFunds;
import dev.granary.wallet.WalletEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Control wallets view against a real node with a miner whose owner and worker keys are in the
 * node's wallet: a signer picks the miner, sets a control address through the dialog and its
 * confirmation, sees it listed once the message is confirmed, and sees PoSt name it as its sender.
 */
class ControlViewTest {

    @TempDir
    static Path home;
    static TestNode node;
    static WalletEntry owner;
    static WalletEntry worker;
    static WalletEntry post;
    static Address miner;
    static String signerPassword;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        owner = node.node().wallets().create(Actor.system(), KeyType.SECP256K1, "owner");
        worker = node.node().wallets().create(Actor.system(), KeyType.BLS, "worker");
        post = node.node().wallets().create(Actor.system(), KeyType.SECP256K1, "PoSt control");
        DevnetFunds.fund(node, home, TokenAmount.ofFil(1000), owner.address(), worker.address(), post.address());
        miner = createMiner();
        signerPassword = Dashboard.settledUser(node, "sid", Role.SIGNER);
        Browser.configure();
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    /** CreateMiner from the owner key, sent by the node's message service as an operator's tool would. */
    private static Address createMiner() throws Exception {
        byte[] params = CreateMinerParams.CODEC.encode(
            new CreateMinerParams(owner.address(), worker.address(), 10, new byte[0], List.of()));
        OutgoingMessage sent = node.node().messages().send(Actor.system(), new SendRequest(owner.address(),
            SingletonActors.POWER, TokenAmount.ZERO, PowerMethods.CREATE_MINER, params, "create-miner", Optional.empty(),
            Optional.empty()));
        node.advanceEpochs(node.node().config().messages().confidence() + 2);
        OutgoingMessage done = node.node().messages().await(Actor.system(), sent.id(), Duration.ofSeconds(30));
        assertEquals(MessageState.CONFIRMED, done.state(), done.toString());
        return CreateMinerReturn.CODEC.decode(done.returnValue()).idAddress();
    }

    @BeforeEach
    void freshBrowser() {
        Dashboard.forgetBrowserSession(node);
    }

    @Test
    void aSignerSetsAControlAddressAndSeesPoStUseIt() throws Exception {
        Dashboard.signInToOverview(node, "sid", signerPassword);
        $("#side-nav vaadin-side-nav-item[path='control']").click();
        $("#view-title").shouldHave(exactText("Control wallets"));

        $("#control-miner input").setValue(miner.toString());
        $("#control-miner input").pressEnter();
        $("#control-show").click();
        $("#control-roles-" + id(owner.address())).shouldHave(text("owner"));
        $("#control-roles-" + id(worker.address())).shouldHave(text("worker"));
        $("#control-key-" + id(worker.address())).shouldHave(attribute("title", worker.address().toString()));
        $("#control-sender-post").shouldHave(text(id(worker.address()).toString()));

        $("#control-action-set").click();
        $("#control-set-addresses textarea").setValue(post.address().toString());
        $("#control-set-review").click();
        $("#control-set-summary-sender").shouldHave(text(owner.address().toString()));
        $("#control-set-summary-worker").shouldHave(text("unchanged"));
        $("#control-set-summary-before").shouldHave(exactText("none"));
        $("#control-set-summary-after").shouldHave(exactText(post.address().toString()));
        Browser.screenshot("control-set-review");
        $("#control-set-confirm").click();
        $("#control-set-progress-state-badge").shouldBe(visible);

        node.advanceEpochs(node.node().config().messages().confidence() + 2);
        $("#control-set-progress-state-badge").shouldHave(exactText(MessageState.CONFIRMED.id()));
        $("#control-set-close").click();
        Address postId = id(post.address());
        assertEquals(List.of(postId), chain().stateMinerInfo(miner, TipSetKey.EMPTY).orElseThrow().controlAddresses());
        $("#control-roles-" + postId).shouldHave(text("control-0"));
        $("#control-balance-" + postId).shouldHave(text("1000 FIL"));
        $("#control-sender-post").shouldHave(text(postId.toString()));
        $("#control-sender-post").click();
        $("#control-candidates-post").shouldHave(text(postId.toString()), text(id(worker.address()).toString()));
        Path shot = Browser.screenshot("control");
        assertTrue(Files.size(shot) > 10_000, "screenshot has content");
    }

    @Test
    void aSignerCreatesAMinerFromWalletKeysAndSeesItChosen() {
        Dashboard.signInToOverview(node, "sid", signerPassword);
        open(node.url("/control"));
        $("#control-new-miner").click();
        choose("#new-miner-owner", "(owner)");
        choose("#new-miner-worker", "(worker)");
        choose("#new-miner-sector-size", "8MiB");
        $("#new-miner-review").click();
        $("#new-miner-summary-owner").shouldHave(text(owner.address().toString()));
        $("#new-miner-summary-worker").shouldHave(exactText(worker.address().toString()));
        $("#new-miner-summary-sector-size").shouldHave(exactText("8MiB"));
        Browser.screenshot("control-new-miner-review");
        $("#new-miner-confirm").click();
        $("#new-miner-progress-state-badge").shouldBe(visible);

        node.advanceEpochs(node.node().config().messages().confidence() + 2);
        $("#new-miner-progress-state-badge").shouldHave(exactText(MessageState.CONFIRMED.id()));
        OutgoingMessage sent = node.node().messages().list(Actor.system(), new MessageQuery(Optional.of(owner.address()),
            Optional.empty(), Optional.empty(), 1)).items().getFirst();
        assertEquals("create-miner", sent.purpose());
        Address created = CreateMinerReturn.CODEC.decode(sent.returnValue()).idAddress();
        assertEquals(8L << 20, chain().stateMinerInfo(created, TipSetKey.EMPTY).orElseThrow().sectorSize());
        $("#new-miner-close").click();
        $("#control-miner input").shouldHave(value(created.toString()));
        $("#control-miner-card-address").shouldHave(exactText(created.toString()));
        $("#control-roles-" + id(owner.address())).shouldHave(text("owner"));
        $("#control-roles-" + id(worker.address())).shouldHave(text("worker"));
    }

    /** Picks an item of a vaadin-select by part of its label. */
    private static void choose(String select, String label) {
        $(select).click();
        $$(select + " vaadin-select-list-box vaadin-select-item").findBy(text(label)).click();
        $(select).shouldHave(text(label));
    }

    @Test
    void aSignerSetsAWatermarkAndRemovesIt() {
        Dashboard.signInToOverview(node, "sid", signerPassword);
        open(node.url("/control"));
        $("#watermarks-grid").shouldHave(text(WatermarksTable.EMPTY));
        $("#watermark-new").click();
        $("#watermark-address input").setValue(worker.address().toString());
        $("#watermark-low input").setValue("100 FIL");
        $("#watermark-high input").setValue("200 FIL");
        $("#watermark-funding input").shouldHave(value(node.node().wallets().defaultAddress().orElseThrow().toString()));
        $("#watermark-save").click();
        $("#watermark-dialog").shouldNot(exist);
        $("#watermarks-grid").shouldHave(text(ShortText.shorten(worker.address().toString())), text("100 FIL"), text("200 FIL"));
        assertEquals(1, node.node().watermarks().list(Actor.system()).size());
        Browser.screenshot("control-watermarks");

        $("#watermark-remove-" + worker.address()).click();
        $("#confirm-action").click();
        $("#watermarks-grid").shouldHave(text(WatermarksTable.EMPTY));
        assertTrue(node.node().watermarks().list(Actor.system()).isEmpty());
    }

    @Test
    void aViewerSeesTheMinersAddressesButNoButtonThatSends() {
        String password = Dashboard.settledUser(node, "val", Role.VIEWER);
        Dashboard.signInToOverview(node, "val", password);
        open(node.url("/control?miner=" + miner));
        $("#control-roles-" + id(owner.address())).shouldHave(text("owner"));
        $("#control-sender-post").shouldBe(visible);
        $("#control-action-set").shouldNotBe(visible);
        $("#control-action-worker").shouldNotBe(visible);
        $("#control-action-owner").shouldNotBe(visible);
        $("#control-new-miner").shouldNotBe(visible);
        $("#control-selection-edit").shouldNotBe(visible);
        $("#watermark-new").shouldNotBe(visible);
    }

    private static Address id(Address key) {
        return chain().stateLookupId(key, TipSetKey.EMPTY).orElseThrow();
    }

    private static ChainApi chain() {
        return node.node().chain();
    }
}
