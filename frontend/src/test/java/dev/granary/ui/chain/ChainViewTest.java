package dev.granary.ui.chain;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.CollectionCondition.texts;
import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import dev.granary.address.Address;
import dev.granary.auth.Role;
import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainStatus;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.multiformats.Cid;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chain view in real headless Chromium against a real node whose chain runs on a manual clock, seen
 * by a viewer: the head follows the clock, the table and chart show the new tipsets, and a pushed
 * message sits in the pool until a block includes it.
 */
class ChainViewTest {

    static final int ADVANCE = 3;

    @TempDir
    static Path home;
    static TestNode node;

    @BeforeAll
    static void start() {
        TestNode.writeConfig(home, """
            [chain]
            clock = "manual"
            """);
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        String password = Dashboard.settledUser(node, "vic", Role.VIEWER);
        Browser.configure();
        Dashboard.signInToOverview(node, "vic", password);
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    @Test
    void aViewerFindsTheChainInTheMenu() {
        open(node.url("/"));
        $$("#side-nav vaadin-side-nav-item").shouldHave(texts("Overview", "Chain", "Wallets", "Control wallets", "Storage", "API tokens"));
        $("#side-nav vaadin-side-nav-item[path='chain']").click();
        $("#view-title").shouldHave(exactText("Chain"));
        $("#chain-head-height").shouldBe(visible);
    }

    @Test
    void followsTheHeadAsTheClockAdvancesAndShowsThePoolFillingAndEmptying() throws Exception {
        open(node.url("/chain"));
        TipSet start = chain().chainHead();
        $("#chain-head-height").shouldHave(exactText(String.valueOf(start.height())));
        ChainStatus status = chain().chainStatus();
        $("#chain-node-network").shouldHave(exactText(status.networkName()));
        $("#chain-node-policy").shouldHave(exactText(status.policy()));
        $("#chain-manual-clock").shouldHave(exactText("manual clock"));
        $("#chain-head-base-fee").shouldHave(exactText(FilAmounts.readable(status.baseFee())))
            .shouldHave(attribute("title", FilAmounts.exact(status.baseFee())));
        $("#chain-mpool-grid").shouldHave(text(MpoolTable.EMPTY));

        advance(ADVANCE);
        TipSet head = chain().chainHead();
        assertEquals(start.height() + ADVANCE, head.height(), "the node made a block at every epoch it was advanced through");
        $("#chain-head-height").shouldHave(exactText(String.valueOf(head.height())));
        $("#chain-node-epoch").shouldHave(exactText(String.valueOf(chain().chainStatus().currentEpoch())));
        $("#chain-head-tipset").shouldHave(text(ShortText.shorten(head.key().cids().getFirst().toString())));
        $("#chain-head-tipset span").shouldHave(attribute("title", head.key().cids().getFirst().toString()));
        $("#chain-copy-cids").shouldHave(attribute("aria-label", "Copy the head tipset's CIDs")).click();
        $$("vaadin-notification-card").findBy(text("Copied the head tipset's CIDs")).shouldBe(visible);
        for (long h = start.height(); h <= head.height(); h++) {
            Cid block = chain().chainGetTipSetByHeight(h, TipSetKey.EMPTY).key().cids().getFirst();
            $("#chain-tipsets-grid").shouldHave(text(ShortText.shorten(block.toString())));
        }
        $$("#chain-chart rect.tipset-bar").shouldHave(size(barsUpTo(head.height())));
        $("#chain-chart rect.tipset-bar[data-height='" + head.height() + "'] title").shouldHave(
            attribute("textContent", "height " + head.height() + ": " + TipsetTable.interval(summaryOfHead()) + " after height "
                + (head.height() - 1)));
        $("#chain-chart svg").shouldHave(attribute("role", "img"));

        Cid pushed = pushTransferFromFundedKey();
        $("#chain-mpool-count").shouldHave(exactText("1 message waiting"));
        $("#chain-mpool-grid").shouldHave(text(ShortText.shorten(pushed.toString())), text("1 FIL"), text("0 (send)"));
        Path shot = Browser.screenshot("chain");
        assertTrue(Files.size(shot) > 10_000, "screenshot has content");

        advance(1);
        $("#chain-head-height").shouldHave(exactText(String.valueOf(head.height() + 1)));
        $("#chain-mpool-count").shouldHave(exactText("0 messages waiting"));
        $("#chain-mpool-grid").shouldHave(text(MpoolTable.EMPTY));
        $$("#chain-chart rect.tipset-bar").shouldHave(size(barsUpTo(head.height() + 1)));
        assertEquals(1, summaryOfHead().messages(), "the block after the push included the transfer");
    }

    /** One bar per tipset, at most the window the view shows; the manual clock leaves no null rounds. */
    private static int barsUpTo(long headHeight) {
        return (int) Math.min(headHeight + 1, RecentTipsets.SHOWN);
    }

    private static TipsetSummary summaryOfHead() {
        TipSet head = chain().chainHead();
        return TipsetSummary.of(chain(), head, chain().chainGetTipSet(head.parents()));
    }

    private static Cid pushTransferFromFundedKey() throws Exception {
        PrivateKey funded = KeyFormat.HEX_LOTUS.importKey(Files.readString(home.resolve("chain/keys/funded.key")));
        Address recipient = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address();
        Message draft = new Message(0, recipient, funded.address(), chain().mpoolGetNonce(funded.address()),
            TokenAmount.ofFil(1), 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, new byte[0]);
        Message estimated = chain().gasEstimateMessageGas(draft, Optional.empty());
        return chain().mpoolPush(estimated.sign(funded));
    }

    private static ChainApi chain() {
        return node.node().chain();
    }

    private static void advance(long epochs) {
        node.advanceEpochs(epochs);
    }
}
