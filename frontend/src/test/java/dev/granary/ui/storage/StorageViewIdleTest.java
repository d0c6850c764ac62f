package dev.granary.ui.storage;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;

import com.codeborne.selenide.Selenide;
import dev.granary.auth.Role;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Storage view's live refresh reads as the user but is not activity: an unattended tab signs out. */
class StorageViewIdleTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String password;

    @BeforeAll
    static void start() {
        TestNode.writeConfig(home, """
            [auth]
            session-idle-timeout = "3s"
            """);
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        password = Dashboard.settledUser(node, "olga", Role.OPERATOR);
        Browser.configure();
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    @Test
    void theLiveStorageViewAloneDoesNotKeepTheSessionAlive() {
        Dashboard.signIn(node, "olga", password);
        $("#side-nav vaadin-side-nav-item[path='storage']").click();
        $("#paths-grid").shouldBe(visible);
        $("#login-view").shouldBe(visible, Duration.ofSeconds(10));
        $("#sign-in-notice").shouldHave(text("without activity"));
    }
}
