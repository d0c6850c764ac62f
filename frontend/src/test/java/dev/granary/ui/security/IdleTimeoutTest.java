package dev.granary.ui.security;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.sleep;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import dev.granary.auth.Role;
import dev.granary.auth.WebSessions;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose sessions end after 3 s without activity ([auth] session-idle-timeout). */
class IdleTimeoutTest {

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

    @BeforeEach
    void signIn() {
        Dashboard.forgetBrowserSession(node);
        Dashboard.signInToOverview(node, "olga", password);
    }

    @Test
    void navigatingAfterTheIdleTimeoutGoesToTheLoginPage() {
        $("#side-nav vaadin-side-nav-item[path='tokens']").click();
        $("#tokens-grid").shouldBe(visible);
        String sessionId = WebDriverRunner.getWebDriver().manage().getCookieNamed(WebSessions.COOKIE).getValue();
        sleep(4500);
        $("#side-nav vaadin-side-nav-item[path='']").click();
        $("#login-view").shouldBe(visible);
        $("#sign-in-notice").shouldHave(text("You were signed out after 3s without activity"));
        assertTrue(node.node().auth().sessionPrincipal(sessionId).isEmpty(), "the session is over at the node too");
        Browser.screenshot("login-after-idle-timeout");
    }

    @Test
    void theLiveOverviewAloneDoesNotKeepTheSessionAlive() {
        // The Overview polls every 2 s; polls are not activity, so the browser lands on the login page by itself.
        $("#login-view").shouldBe(visible, Duration.ofSeconds(10));
        $("#sign-in-notice").shouldHave(text("without activity"));
    }

    @Test
    void theLiveStorageViewAloneDoesNotKeepTheSessionAlive() {
        // Its refresh reads the storage index as the user, but not as activity.
        $("#side-nav vaadin-side-nav-item[path='storage']").click();
        $("#paths-grid").shouldBe(visible);
        $("#login-view").shouldBe(visible, Duration.ofSeconds(10));
        $("#sign-in-notice").shouldHave(text("without activity"));
    }

    @Test
    void activityKeepsTheSessionAlive() {
        for (int i = 0; i < 4; i++) {
            sleep(1500);
            $("#side-nav vaadin-side-nav-item[path='" + (i % 2 == 0 ? "tokens" : "") + "']").click();
        }
        $("#view-title").shouldHave(text("Overview"));
        $("#signed-in-user").shouldHave(text("olga"));
    }
}
