package dev.granary.ui.overview;

import static com.codeborne.selenide.CollectionCondition.texts;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import dev.granary.alerts.Severity;
import dev.granary.node.BuildInfo;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Overview in real headless Chromium against a real node with the dashboard, signed in as the admin. */
class OverviewViewTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String adminPassword;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        adminPassword = Dashboard.settledAdmin(node, home);
        Browser.configure();
        Dashboard.signInToOverview(node, "admin", adminPassword);
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    @Test
    void showsRealNodeStatusAndRefreshesItLive() throws Exception {
        open(node.url("/"));
        $("#overview-health").shouldHave(text("up"));
        $("#view-title").shouldHave(text("Overview"));
        $("#node-version").shouldHave(text(BuildInfo.current().version()));
        $("#node-id").shouldHave(text(node.node().status().identity().nodeId()));
        $("#node-home").shouldHave(text(home.toString()));
        $("#database-product").shouldHave(text("H2"));
        $("#database-status").shouldHave(text("up"));
        $("#rocksdb-path").shouldHave(text(home.resolve("rocksdb").toString()));
        $("#kernels-implementation").shouldHave(text(node.node().kernels().name()));
        $("#disk-free").shouldBe(visible);
        $("#disk-usage svg").should(exist);

        String uptime = $("#node-uptime").getText();
        $("#node-uptime").shouldNotHave(text(uptime), Duration.ofSeconds(10));

        Path shot = Browser.screenshot("overview");
        assertTrue(Files.size(shot) > 10_000, "screenshot has content");
    }

    @Test
    void openAlertsAppearAndLeaveAsTheyAreRaisedAndResolved() {
        open(node.url("/"));
        $("#no-alerts").shouldBe(visible);
        node.node().alerts().raise("test.overview", Severity.CRITICAL, "test", "storage path /srv/a is unreachable");
        $("#open-alerts [data-key='test.overview']").shouldHave(text("critical"), Duration.ofSeconds(10))
            .shouldHave(text("storage path /srv/a is unreachable"));
        node.node().alerts().resolve("test.overview", "reachable again");
        $("#open-alerts [data-key='test.overview']").shouldNot(exist, Duration.ofSeconds(10));
    }

    @Test
    void navigationListsTheBuiltAreasAnAdminMayUse() {
        open(node.url("/"));
        $$("#side-nav vaadin-side-nav-item").shouldHave(texts("Overview", "Chain", "Wallets", "Control wallets", "Storage", "Users & access", "API tokens", "Audit"));
        $("#signed-in-user").shouldHave(text("admin"));
    }
}
