package dev.granary.ui.login;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.back;
import static com.codeborne.selenide.Selenide.open;
import static com.codeborne.selenide.Selenide.refresh;
import static com.codeborne.selenide.WebDriverConditions.urlContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Role;
import dev.granary.auth.WebSessions;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;

/**
 * Signing in and out in a real browser: the first admin sign-in, the session cookie's attributes and
 * renewal, sign-out, and throttling. Throttling also blocks the client address (every test here comes
 * from 127.0.0.1), so that test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String viewerPassword;

    @BeforeAll
    static void start() {
        TestNode.writeConfig(home, """
            [auth]
            sign-in-free-attempts = 3
            sign-in-base-delay = "10m"
            """);
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
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
    @Order(1)
    void firstSignInAsAdminForcesTheGeneratedPasswordToBeChanged() {
        open(node.url("/users"));
        $("#login-view").shouldBe(visible);
        Browser.screenshot("login");
        String generated = Dashboard.initialAdminPassword(home);
        $("#username input").setValue("admin");
        $("#password input").setValue(generated);
        $("#sign-in").click();

        $("#change-password-view").shouldBe(visible);
        $("#change-password-notice").shouldHave(text("choose your own"));
        $("#side-nav").shouldNot(exist);
        $("#leave-change-password").shouldNotBe(visible);
        Browser.screenshot("change-password");

        open(node.url("/users")); // no other page before the password is changed
        $("#change-password-view").shouldBe(visible);

        $("#current-password input").setValue(generated);
        $("#new-password input").setValue("a-better-admin-password");
        $("#confirm-password input").setValue("a-different-one-entirely");
        $("#save-password").click();
        $("#change-password-error").shouldHave(text("do not match"));

        $("#current-password input").setValue(generated);
        $("#new-password input").setValue("a-better-admin-password");
        $("#confirm-password input").setValue("a-better-admin-password");
        $("#save-password").click();
        $("#overview-health").shouldBe(visible);
        $("#signed-in-user").shouldHave(text("admin"));
        assertFalse(node.node().auth().users().find("admin").orElseThrow().mustChangePassword());
    }

    @Test
    @Order(2)
    void afterSignInTheBrowserContinuesToThePageItAskedFor() {
        open(node.url("/tokens"));
        $("#login-view").shouldBe(visible);
        Selenide.webdriver().shouldHave(urlContaining("next=tokens"));
        $("#username input").setValue("vera");
        $("#password input").setValue(viewerPassword);
        $("#sign-in").click();
        $("#tokens-grid").shouldBe(visible);
    }

    @Test
    @Order(3)
    void sessionCookieIsHttpOnlyStrictAndNewAtEverySignIn() {
        open(node.url("/login"));
        $("#login-view").shouldBe(visible);
        // A session id planted before sign-in (session fixation) must not become the signed-in one.
        WebDriverRunner.getWebDriver().manage().addCookie(new Cookie(WebSessions.COOKIE, "planted-by-someone-else"));
        String servletSessionBefore = cookieValue("JSESSIONID");
        assertNotNull(servletSessionBefore, "the login page has a servlet session");

        $("#username input").setValue("vera");
        $("#password input").setValue(viewerPassword);
        $("#sign-in").click();
        $("#overview-health").shouldBe(visible);
        Cookie first = WebDriverRunner.getWebDriver().manage().getCookieNamed(WebSessions.COOKIE);
        assertNotNull(first, "signed in with a session cookie");
        assertNotEquals("planted-by-someone-else", first.getValue());
        assertTrue(first.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", first.getSameSite());
        assertFalse(first.isSecure(), "plain HTTP here; Secure is added over TLS");
        assertTrue(node.node().auth().sessionPrincipal("planted-by-someone-else").isEmpty());
        assertNotEquals(servletSessionBefore, cookieValue("JSESSIONID"), "the servlet session id changes at sign-in");

        $("#sign-out").click();
        $("#login-view").shouldBe(visible);
        Dashboard.signInToOverview(node, "vera", viewerPassword);
        assertNotEquals(first.getValue(), cookieValue(WebSessions.COOKIE), "every sign-in gets a new session id");
    }

    @Test
    @Order(4)
    void signOutEndsTheSessionForBackReloadAndTheOldCookie() {
        Dashboard.signInToOverview(node, "vera", viewerPassword);
        String sessionId = cookieValue(WebSessions.COOKIE);
        open(node.url("/tokens"));
        $("#tokens-grid").shouldBe(visible);

        $("#sign-out").click();
        $("#login-view").shouldBe(visible);
        $("#sign-in-notice").shouldHave(text("You have signed out"));
        assertNull(WebDriverRunner.getWebDriver().manage().getCookieNamed(WebSessions.COOKIE), "cookie deleted");
        assertTrue(node.node().auth().sessionPrincipal(sessionId).isEmpty(), "session ended at the node");
        assertTrue(node.node().auth().audit().query(dev.granary.auth.Actor.system(), new AuditQuery("vera", "session.sign-out", null, "success",
            null, null, null, 10)).items().stream().anyMatch(e -> e.detail().equals("dashboard")), "sign-out audited");

        back();
        $("#login-view").shouldBe(visible);
        $("#tokens-grid").shouldNot(exist);
        refresh();
        $("#login-view").shouldBe(visible);

        // Someone who copied the old cookie gets nothing either.
        WebDriverRunner.getWebDriver().manage().addCookie(new Cookie(WebSessions.COOKIE, sessionId));
        open(node.url("/tokens"));
        $("#login-view").shouldBe(visible);
        $("#sign-in-notice").shouldHave(text("Your session has ended"));
    }

    @Test
    @Order(5)
    void wrongPasswordSaysSoWithoutRevealingWhetherTheUserExists() {
        Dashboard.signIn(node, "vera", "not-the-password");
        $("#sign-in-error").shouldHave(text("Wrong username or password"));
        String forKnownUser = $("#sign-in-error").getText();
        Dashboard.signIn(node, "nobody-by-this-name", "not-the-password");
        $("#sign-in-error").shouldHave(text(forKnownUser));
        Dashboard.signIn(node, "vera", viewerPassword); // a success clears the failures so far
        $("#overview-health").shouldBe(visible);
    }

    @Test
    @Order(99)
    void repeatedFailuresAreThrottledWithAClearMessage() {
        for (int i = 0; i < 3; i++) {
            Dashboard.signIn(node, "vera", "guess-number-" + i);
            $("#sign-in-error").shouldHave(text("Wrong username or password"));
        }
        Dashboard.signIn(node, "vera", viewerPassword);
        $("#sign-in-error").shouldHave(text("Too many failed sign-ins for user vera; try again in"));
        $$("#overview-health").shouldHave(size(0));
        Browser.screenshot("login-throttled");
    }

    private static String cookieValue(String name) {
        Cookie cookie = WebDriverRunner.getWebDriver().manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }
}
