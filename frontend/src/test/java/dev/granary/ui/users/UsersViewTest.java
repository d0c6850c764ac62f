package dev.granary.ui.users;

import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import dev.granary.auth.Role;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Users & access" as an administrator uses it, checked against the node's own records. */
class UsersViewTest {

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

    @BeforeEach
    void openUsers() {
        open(node.url("/users"));
        $("#users-grid").shouldHave(text("admin"));
    }

    @Test
    void createsAUserWhoMustReplaceTheTemporaryPassword() {
        $("#new-user").click();
        $("#new-user-username input").setValue("nina");
        $("#new-user-display-name input").setValue("Nina Novak");
        choose("#new-user-role", "operator");
        $("#new-user-miners input").setValue("f01000");
        $("#new-user-password-generate").click();
        Browser.screenshot("users-new-user-dialog");
        $("#new-user-create").click();

        $("#new-user-dialog").shouldNot(exist);
        $("#status-nina").shouldHave(text("enabled"), text("must change password"));
        $("#users-grid").shouldHave(text("Nina Novak"), text("f01000"));
        Browser.screenshot("users");
        User nina = node.node().auth().users().find("nina").orElseThrow();
        assertEquals(Role.OPERATOR, nina.role());
        assertEquals(List.of("f01000"), nina.miners());
        assertTrue(nina.mustChangePassword());
    }

    @Test
    void showsTheNodesReasonWhenInputIsRefused() {
        $("#new-user").click();
        $("#new-user-username input").setValue("Not Valid");
        $("#new-user-password input").setValue("long-enough-password");
        $("#new-user-create").click();
        $$("vaadin-notification-card").findBy(text("must be 2-64 characters")).shouldBe(visible);
        $("#new-user-dialog").shouldBe(visible);
        assertTrue(node.node().auth().users().find("Not Valid").isEmpty());
    }

    @Test
    void disablesEnablesAndResetsThePasswordOfAUser() {
        Dashboard.settledUser(node, "pete", Role.VIEWER);
        open(node.url("/users"));

        $("#toggle-pete").click();
        $("#status-pete").shouldHave(text("disabled"));
        assertFalse(node.node().auth().users().find("pete").orElseThrow().enabled());
        $("#toggle-pete").click();
        $("#status-pete").shouldHave(text("enabled"));
        assertTrue(node.node().auth().users().find("pete").orElseThrow().enabled());

        $("#reset-pete").click();
        $("#reset-password input").setValue("handed-over-in-person");
        $("#reset-password-save").click();
        $("#status-pete").shouldHave(text("must change password"));
        assertTrue(node.node().auth().users().find("pete").orElseThrow().mustChangePassword());
    }

    @Test
    void changesTheRoleAndMinerScopeOfAUser() {
        Dashboard.settledUser(node, "rita", Role.VIEWER);
        open(node.url("/users"));

        $("#edit-rita").click();
        choose("#edit-user-role", "signer");
        $("#edit-user-miners input").setValue("f01234, f05678");
        $("#edit-user-save").click();

        $("#edit-user-dialog").shouldNot(exist);
        $("#users-grid").shouldHave(text("signer"), text("f01234, f05678"));
        User rita = node.node().auth().users().find("rita").orElseThrow();
        assertEquals(Role.SIGNER, rita.role());
        assertEquals(List.of("f01234", "f05678"), rita.miners());
    }

    @Test
    void refusesToLetAnAdministratorDisableThemselves() {
        $("#toggle-admin").click();
        $$("vaadin-notification-card").findBy(text("cannot disable yourself")).shouldBe(visible);
        assertTrue(node.node().auth().users().find("admin").orElseThrow().enabled());
    }

    /** Picks an item of a vaadin-select by the start of its label. */
    static void choose(String select, String label) {
        $(select).click();
        $$(select + " vaadin-select-list-box vaadin-select-item").findBy(text(label)).click();
        $(select).shouldHave(text(label));
    }
}
