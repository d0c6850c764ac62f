package dev.granary.ui.wallet;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
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
import dev.granary.chain.types.TipSetKey;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageQuery;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import dev.granary.wallet.LockState;
import dev.granary.wallet.WalletEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Wallets view in headless Chromium against a real node on a manual clock: a signer creates a key,
 * sees it funded and sends FIL through the confirmation step until the message is confirmed; a viewer
 * sees balances but no buttons that sign; only an administrator exports a key, and locks and unlocks.
 */
class WalletsViewTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String adminPassword;
    static String signerPassword;
    static String viewerPassword;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        adminPassword = Dashboard.settledAdmin(node, home);
        signerPassword = Dashboard.settledUser(node, "sam", Role.SIGNER);
        viewerPassword = Dashboard.settledUser(node, "vera", Role.VIEWER);
        Browser.configure();
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    @BeforeEach
    void freshBrowser() {
        Dashboard.forgetBrowserSession(node);
    }

    @Test
    void aSignerCreatesAWalletSeesItFundedAndSendsFilAfterConfirmingIt() throws Exception {
        Dashboard.signInToOverview(node, "sam", signerPassword);
        $("#side-nav vaadin-side-nav-item[path='wallets']").click();
        $("#view-title").shouldHave(exactText("Wallets"));
        $("#wallet-lock-state").shouldHave(exactText("unlocked"));

        $("#wallet-new").click();
        choose("#new-wallet-type", "secp256k1");
        $("#new-wallet-label input").setValue("hot");
        $("#new-wallet-create").click();
        $("#new-wallet-dialog").shouldNot(exist);
        WalletEntry hot = keyLabelled("hot");
        assertEquals(KeyType.SECP256K1, hot.type());
        String address = hot.address().toString();
        $("#wallet-label-" + address).shouldHave(exactText("hot"));
        $("#wallet-balance-" + address).shouldHave(exactText("0 FIL"));

        DevnetFunds.fund(node, home, TokenAmount.ofFil(10), hot.address());
        $("#wallet-balance-" + address).shouldHave(exactText("10 FIL"));
        $("#wallets-grid").shouldHave(text(node.node().chain().stateLookupId(hot.address(),
            TipSetKey.EMPTY).orElseThrow().toString()));

        Address recipient = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address();
        $("#wallet-send-from-" + address).click();
        $("#send-to input").setValue(recipient.toString());
        $("#send-amount input").setValue("1.5 FIL");
        $("#send-review").click();
        $("#send-summary-from").shouldHave(text(address));
        $("#send-summary-to").shouldHave(text(recipient.toString()));
        $("#send-summary-amount").shouldHave(text("1.5 FIL"));
        $("#send-summary-max-fee").shouldHave(text(node.node().config().messages().maxFee()));
        $("#send-warning").shouldHave(text("Nothing has been sent yet"));
        Browser.screenshot("wallets-send-review");
        assertTrue(sentFrom(hot.address()).isEmpty(), "nothing is sent before the confirmation");

        $("#send-confirm").doubleClick();
        $("#send-progress-state-badge").shouldBe(visible);
        List<OutgoingMessage> sent = sentFrom(hot.address());
        assertEquals(1, sent.size(), "a double click on the confirmation sends once: " + sent);
        $("#send-progress-cid").shouldHave(text(ShortText.shorten(sent.getFirst().cid().toString())));

        node.advanceEpochs(node.node().config().messages().confidence() + 2);
        $("#send-progress-state-badge").shouldHave(exactText(MessageState.CONFIRMED.id()));
        Browser.screenshot("wallets-send-confirmed");
        assertEquals(TokenAmount.parse("1.5 FIL"), node.node().chain().walletBalance(recipient));
        $("#send-close").click();
        $("#send-dialog").shouldNot(exist);
        $("#message-state-" + sent.getFirst().id()).shouldHave(exactText(MessageState.CONFIRMED.id()));
        $("#message-state-" + sent.getFirst().id()).click();
        $("#replacements-grid").shouldHave(text(ReplacementsDialog.EMPTY));
        $("#replacements-close").click();
        $("#replacements-dialog").shouldNot(exist);
        $("#wallet-balance-" + address).shouldHave(text("8.")); // 10 - 1.5 - gas
        Path shot = Browser.screenshot("wallets");
        assertTrue(Files.size(shot) > 10_000, "screenshot has content");
    }

    @Test
    void aViewerSeesTheKeysButNoButtonThatSignsOrAdministers() {
        WalletEntry cold = node.node().wallets().create(Actor.system(), KeyType.BLS, "cold");
        String address = cold.address().toString();
        Dashboard.signInToOverview(node, "vera", viewerPassword);
        open(node.url("/wallets"));
        $("#wallet-label-" + address).shouldHave(exactText("cold"));
        $("#wallet-balance-" + address).shouldHave(exactText("0 FIL"));
        $("#wallet-new").shouldNotBe(visible);
        $("#wallet-send").shouldNotBe(visible);
        $("#wallet-import").shouldNotBe(visible);
        $("#wallet-unlock").shouldNotBe(visible);
        $("#wallet-lock").shouldNotBe(visible);
        $("#wallet-send-from-" + address).shouldNot(exist);
        $("#wallet-export-" + address).shouldNot(exist);
        $("#wallet-delete-" + address).shouldNot(exist);
        $("#wallet-label-edit-" + address).shouldNot(exist);
        $("#wallet-copy-" + address).click();
        $$("vaadin-notification-card").findBy(text("Copied the address")).shouldBe(visible);
        Browser.screenshot("wallets-viewer");
    }

    @Test
    void onlyAnAdministratorExportsAKeyAndSeesItOnceAfterConfirming() {
        WalletEntry key = node.node().wallets().create(Actor.system(), KeyType.SECP256K1, "to-export");
        String address = key.address().toString();
        Dashboard.signInToOverview(node, "sam", signerPassword);
        open(node.url("/wallets"));
        $("#wallet-send-from-" + address).shouldBe(visible);
        $("#wallet-export-" + address).shouldNot(exist);

        Dashboard.forgetBrowserSession(node);
        Dashboard.signInToOverview(node, "admin", adminPassword);
        open(node.url("/wallets"));
        $("#wallet-export-" + address).click();
        $("#export-dialog").shouldHave(text("audit log"));
        $("#export-key").shouldNot(exist);
        $("#export-show").click();
        $("#export-key").shouldBe(visible);
        String exported = $("#export-key textarea").getValue();
        assertEquals(key.address(), KeyFormat.HEX_LOTUS.importKey(exported).address(), "the export is the key of the row");
        $("#export-dialog").shouldHave(text("only time"));
        Browser.screenshot("wallets-export");
        $("#export-done").click();
        $("#export-dialog").shouldNot(exist);
    }

    @Test
    void anAdministratorLocksTheStoreAndUnlocksItWithThePassphrase() {
        Dashboard.signInToOverview(node, "admin", adminPassword);
        open(node.url("/wallets"));
        $("#wallet-lock").click();
        $("#confirm-action").click();
        $("#wallet-lock-state").shouldHave(exactText("locked"));
        assertEquals(LockState.LOCKED, node.node().wallets().lockState());

        $("#wallet-unlock").click();
        $("#unlock-passphrase input").setValue("not the passphrase");
        $("#unlock-submit").click();
        $$("vaadin-notification-card").findBy(text("passphrase")).shouldBe(visible);
        assertEquals(LockState.LOCKED, node.node().wallets().lockState());
        $("#unlock-passphrase input").setValue(TestNode.WALLET_PASSPHRASE);
        $("#unlock-submit").click();
        $("#unlock-dialog").shouldNot(exist);
        $("#wallet-lock-state").shouldHave(exactText("unlocked"));
        assertEquals(LockState.UNLOCKED, node.node().wallets().lockState());
    }

    private static WalletEntry keyLabelled(String label) {
        return node.node().wallets().list(Actor.system()).stream().filter(k -> label.equals(k.label())).findFirst().orElseThrow();
    }

    private static List<OutgoingMessage> sentFrom(Address from) {
        return node.node().messages().list(Actor.system(),
            new MessageQuery(Optional.of(from), Optional.empty(), Optional.empty(), 10)).items();
    }

    /** Picks an item of a vaadin-select by the start of its label. */
    static void choose(String select, String label) {
        $(select).click();
        $$(select + " vaadin-select-list-box vaadin-select-item").findBy(text(label)).click();
        $(select).shouldHave(text(label));
    }
}
