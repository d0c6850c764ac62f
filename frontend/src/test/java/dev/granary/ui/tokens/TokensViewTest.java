package dev.granary.ui.tokens;

import static com.codeborne.selenide.CollectionCondition.texts;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static com.codeborne.selenide.Selenide.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.ElementsCollection;
import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import dev.granary.auth.Actor;
import dev.granary.auth.ApiToken;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.IssuedToken;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import dev.granary.auth.Role;
import dev.granary.auth.TokenService;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API tokens: created with their value shown once, listed, and revoked. */
class TokensViewTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String adminPassword;
    static String viewerPassword;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        adminPassword = Dashboard.settledAdmin(node, home);
        viewerPassword = Dashboard.settledUser(node, "vic", Role.VIEWER);
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
    void aNewTokenIsShownExactlyOnceAndWorks() {
        Dashboard.signInToOverview(node, "vic", viewerPassword);
        open(node.url("/tokens"));
        $("#all-tokens").shouldNotBe(visible); // only administrators see everyone's tokens

        $("#new-token").click();
        $("#token-name input").setValue("ci script");
        $("#token-permission").click();
        ElementsCollection offered = $$("#token-permission vaadin-select-list-box vaadin-select-item");
        offered.shouldHave(texts("read (read)")); // nothing above what a viewer may do
        offered.first().click();
        $("#token-create").click();

        $("#issued-token-dialog").shouldBe(visible);
        String token = $("#issued-token input").getValue();
        assertNotNull(token);
        assertTrue(token.startsWith("eyJ"), "a JWT: " + token);
        Browser.screenshot("token-issued");
        Principal speaksFor = node.node().auth().tokens().verify(token);
        assertEquals("vic", speaksFor.username());
        assertEquals(java.util.Set.of(Permission.READ), speaksFor.permissions());

        $("#issued-token-done").click();
        $("#issued-token-dialog").shouldNot(exist);
        $("#tokens-grid").shouldHave(text("ci script"), text("active"));
        assertFalse(WebDriverRunner.source().contains(token), "the value is gone from the page");
        Browser.screenshot("tokens");
        refresh();
        $("#tokens-grid").shouldHave(text("ci script"));
        assertFalse(WebDriverRunner.source().contains(token), "and is never shown again");
    }

    @Test
    void anAdministratorSeesEveryonesTokensAndRevokesOne() {
        IssuedToken victims = node.node().auth().tokens().create(vic(), new TokenService.TokenRequest(
            "vic's cron job", TokenService.upTo(Permission.READ), Duration.ofDays(1), false, List.of()));
        String jti = victims.record().jti();
        Dashboard.signInToOverview(node, "admin", adminPassword);
        open(node.url("/tokens"));
        $("#tokens-grid").shouldNotHave(text("vic's cron job"));

        $("#all-tokens").click();
        $("#tokens-grid").shouldHave(text("vic's cron job"), text(jti.substring(0, 12)));
        $("#revoke-" + jti).click();
        $("#confirm-action").click();
        $("#token-status-" + jti).shouldHave(text("revoked"));

        ApiToken revoked = node.node().auth().tokens().find(jti).orElseThrow();
        assertNotNull(revoked.revokedAt());
        assertEquals("admin", revoked.revokedBy());
        assertThrows(AuthenticationException.class, () -> node.node().auth().tokens().verify(victims.token()));
    }

    /** Vic, acting through the services directly (as a script with a session would). */
    private static Actor vic() {
        return new Actor(Principal.session(node.node().auth().users().find("vic").orElseThrow()), "127.0.0.1", "test");
    }
}
