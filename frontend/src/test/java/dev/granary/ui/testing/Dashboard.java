package dev.granary.ui.testing;

import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;

import com.codeborne.selenide.WebDriverRunner;
import dev.granary.auth.Actor;
import dev.granary.auth.InitialAdmin;
import dev.granary.auth.Principal;
import dev.granary.auth.Role;
import dev.granary.auth.User;
import dev.granary.auth.UserService;
import dev.granary.testing.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Signing in through the real login page, and people set up through the node's own services. */
public final class Dashboard {

    private Dashboard() {}

    /** Types the credentials into the login page and presses "Sign in". */
    public static void signIn(TestNode node, String username, String password) {
        open(node.url("/login"));
        $("#username input").setValue(username);
        $("#password input").setValue(password);
        $("#sign-in").click();
    }

    /** Signs in as a settled user and waits for the Overview, where the login page sends them. */
    public static void signInToOverview(TestNode node, String username, String password) {
        signIn(node, username, password);
        $("#overview-health").shouldBe(visible);
    }

    /** Starts the next test with a browser that holds no cookies for the node. */
    public static void forgetBrowserSession(TestNode node) {
        open(node.url("/robots.txt"));
        WebDriverRunner.getWebDriver().manage().deleteAllCookies();
    }

    /** The password generated at first start, as the node wrote it for the operator. */
    public static String initialAdminPassword(Path home) {
        try {
            return Files.readString(home.resolve(InitialAdmin.FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the admin's generated password (as its first sign-in would) and returns the new one. */
    public static String settledAdmin(TestNode node, Path home) {
        String password = "admin-password-for-tests";
        replaceOwnPassword(node, "admin", initialAdminPassword(home), password);
        return password;
    }

    /** A user who can sign in straight away: created by an administrator, temporary password replaced. */
    public static String settledUser(TestNode node, String username, Role role) {
        String temporary = "temporary-" + username + "-password";
        node.node().auth().users().create(Actor.system(),
            new UserService.NewUser(username, null, temporary, role.id(), List.of()));
        String password = username + "-own-password";
        replaceOwnPassword(node, username, temporary, password);
        return password;
    }

    private static void replaceOwnPassword(TestNode node, String username, String current, String replacement) {
        UserService users = node.node().auth().users();
        User user = users.find(username).orElseThrow();
        users.changeOwnPassword(new Actor(Principal.session(user), "127.0.0.1", "test-setup"), current, replacement);
    }
}
