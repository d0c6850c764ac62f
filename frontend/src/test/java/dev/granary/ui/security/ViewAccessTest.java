package dev.granary.ui.security;

import static com.codeborne.selenide.CollectionCondition.texts;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.codeborne.selenide.Selenide;
import dev.granary.auth.AccessRegistry;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.auth.Role;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which views a user reaches: by the menu, by typing the URL, and after their account changes. */
class ViewAccessTest {

    @TempDir
    static Path home;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
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
    void everyViewIsInTheNodesAccessRegistryWithItsPermission() {
        Map<String, Permission> views = new TreeMap<>();
        node.node().auth().registry().entries(AccessRegistry.Kind.VIEW).forEach(e -> views.put(e.name(), e.permission()));
        assertEquals(Map.of("/", Permission.READ, "/users", Permission.ADMIN, "/tokens", Permission.READ,
            "/audit", Permission.ADMIN, "/login", Permission.PUBLIC, "/change-password", Permission.READ, "/chain", Permission.READ,
            "/wallets", Permission.READ, "/control", Permission.READ, "/storage", Permission.READ),
            views);
    }

    @Test
    void visitorsWhoAreNotSignedInAreSentToTheLoginPage() {
        for (String path : new String[] {"/", "/chain", "/wallets", "/control", "/storage", "/users", "/tokens", "/audit", "/change-password"}) {
            open(node.url(path));
            $("#login-view").shouldBe(visible);
            $("#side-nav").shouldNot(exist);
        }
    }

    @Test
    void aViewerSeesNoAdminPagesInTheMenuAndIsRefusedThemByUrl() {
        String password = Dashboard.settledUser(node, "val", Role.VIEWER);
        Dashboard.signInToOverview(node, "val", password);
        $$("#side-nav vaadin-side-nav-item").shouldHave(texts("Overview", "Chain", "Wallets", "Control wallets", "Storage", "API tokens"));

        open(node.url("/users"));
        $("#access-refused").shouldHave(text("The Users & access page needs the 'admin' permission; user val has read"));
        $("#users-grid").shouldNot(exist);
        $("#view-title").shouldHave(text("Not allowed"));
        Browser.screenshot("access-refused");

        open(node.url("/audit"));
        $("#access-refused").shouldHave(text("needs the 'admin' permission"));
        $("#audit-grid").shouldNot(exist);
    }

    @Test
    void disablingAUserEndsTheirSessionAtTheirNextClick() {
        String password = Dashboard.settledUser(node, "dora", Role.OPERATOR);
        Dashboard.signIn(node, "dora", password);
        $("#side-nav vaadin-side-nav-item[path='tokens']").click();
        $("#tokens-grid").shouldBe(visible);

        node.node().auth().users().setEnabled(Actor.system(), "dora", false);
        $("#side-nav vaadin-side-nav-item[path='']").click();
        $("#login-view").shouldBe(visible);
        $("#sign-in-notice").shouldHave(text("Your session has ended"));
    }

    @Test
    void aDemotedAdminLosesTheAdminPagesAtTheNextClick() {
        String password = Dashboard.settledUser(node, "adam", Role.ADMIN);
        Dashboard.signIn(node, "adam", password);
        $("#side-nav vaadin-side-nav-item[path='users']").click();
        $("#users-grid").shouldBe(visible);

        node.node().auth().users().setRole(Actor.system(), "adam", Role.VIEWER.id());
        $("#side-nav vaadin-side-nav-item[path='audit']").click();
        $("#access-refused").shouldHave(text("needs the 'admin' permission"));
        $$("#side-nav vaadin-side-nav-item").shouldHave(texts("Overview", "Chain", "Wallets", "Control wallets", "Storage", "API tokens"));
    }
}
