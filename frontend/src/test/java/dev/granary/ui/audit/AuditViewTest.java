package dev.granary.ui.audit;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.codeborne.selenide.Selenide;
import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.auth.ApiToken;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.Principal;
import dev.granary.auth.User;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit view, fed by what an administrator does in the other views. */
class AuditViewTest {

    @TempDir
    static Path home;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        String password = Dashboard.settledAdmin(node, home);
        Browser.configure();
        Dashboard.signInToOverview(node, "admin", password);
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    @Test
    void anAdminCreatesAUserAndATokenAndSeesBothInTheAuditLog() {
        open(node.url("/users"));
        $("#new-user").click();
        $("#new-user-username input").setValue("audra");
        $("#new-user-password input").setValue("temporary-password-1");
        $("#new-user-create").click();
        $("#status-audra").shouldBe(visible);

        $("#side-nav vaadin-side-nav-item[path='tokens']").click();
        $("#new-token").click();
        $("#token-name input").setValue("deploy");
        $("#token-create").click();
        $("#issued-token-dialog").shouldBe(visible);
        $("#issued-token-done").click();
        User admin = node.node().auth().users().find("admin").orElseThrow();
        List<ApiToken> tokens = node.node().auth().tokens().list(new Actor(Principal.session(admin), "127.0.0.1", "test"),
            false);
        String jti = tokens.stream().filter(t -> t.name().equals("deploy")).findFirst().orElseThrow().jti();

        $("#side-nav vaadin-side-nav-item[path='audit']").click();
        $("#audit-grid").shouldHave(text("user.create"), text("audra"), text("token.create"), text(jti));
        Browser.screenshot("audit");

        $("#audit-action input").setValue("user.create");
        $("#audit-target input").setValue("audra");
        $("#audit-position").shouldHave(text("Entries 1–1"));
        $("#audit-grid").shouldHave(text("admin"), text("127.0.0.1"), text("success"), text("role viewer"));

        $("#audit-action input").setValue("token.create");
        $("#audit-target input").setValue(jti);
        $("#audit-position").shouldHave(text("Entries 1–1"));
        $("#audit-grid").shouldHave(text("for admin, allows read"));
    }

    @Test
    void filtersByWhoAndOutcome() {
        assertThrows(AuthenticationException.class, () -> node.node().auth().signIn()
            .signIn("ghost", "not-a-password", Actor.anonymous("192.0.2.7", "test")));
        open(node.url("/audit"));
        $("#audit-target input").setValue("ghost");
        choose("#audit-outcome", "denied");
        $("#audit-position").shouldHave(text("Entries 1–1"));
        $("#audit-grid").shouldHave(text("anonymous"), text("192.0.2.7"), text("session.sign-in"), text("unknown user"));
        choose("#audit-outcome", "success");
        $("#audit-position").shouldHave(text("No entries"));
        $("#audit-actor input").setValue("nobody-did-this");
        choose("#audit-outcome", "any");
        $("#audit-position").shouldHave(text("No entries"));
    }

    @Test
    void pagesThroughTheLogByCursor() {
        for (int i = 0; i < AuditView.PAGE_SIZE + 10; i++) {
            node.node().auth().audit().record(Actor.system(), "test.paging", "item-" + i, Outcome.SUCCESS, "");
        }
        open(node.url("/audit"));
        $("#audit-action input").setValue("test.paging");
        $("#audit-position").shouldHave(text("Entries 1–50"));
        $("#audit-grid").shouldHave(text("item-59")).shouldNotHave(text("item-0"));
        $("#audit-newer").shouldHave(attribute("disabled"));

        $("#audit-older").click();
        $("#audit-position").shouldHave(text("Entries 51–60"));
        $("#audit-grid").shouldHave(text("item-0")).shouldNotHave(text("item-10"));
        $("#audit-older").shouldHave(attribute("disabled"));

        $("#audit-newer").click();
        $("#audit-position").shouldHave(text("Entries 1–50"));
        $("#audit-grid").shouldHave(text("item-59"));
        $("#audit-older").shouldNotHave(attribute("disabled"));
    }

    private static void choose(String select, String label) {
        $(select).click();
        $$(select + " vaadin-select-list-box vaadin-select-item").findBy(text(label)).click();
        $(select).shouldHave(text(label));
    }
}
