package dev.granary.ui.storage;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codeborne.selenide.Selenide;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.storage.AllocationRequest;
import dev.granary.storage.AttachRequest;
import dev.granary.storage.PathInfo;
import dev.granary.storage.PathUse;
import dev.granary.storage.Reservation;
import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import dev.granary.storage.StorageService;
import dev.granary.testing.TestNode;
import dev.granary.ui.VaadinWebUi;
import dev.granary.ui.testing.Browser;
import dev.granary.ui.testing.Dashboard;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Storage view in headless Chromium against a real node: real directories, the real storage index. */
class StorageViewTest {

    /** Long enough for the view's poll to pick up what the test did through the service. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    @TempDir
    static Path home;
    static TestNode node;
    static StorageService storage;
    static String operatorPassword;
    static String viewerPassword;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.of(new VaadinWebUi()));
        storage = node.node().storage();
        operatorPassword = Dashboard.settledUser(node, "olga", Role.OPERATOR);
        viewerPassword = Dashboard.settledUser(node, "vic", Role.VIEWER);
        Browser.configure();
    }

    @AfterEach
    void detachAll() {
        storage.list(Actor.system()).forEach(p -> storage.detach(Actor.system(), p.id(), true));
        Dashboard.forgetBrowserSession(node);
    }

    @AfterAll
    static void stop() {
        Selenide.closeWebDriver();
        node.close();
    }

    private static void openAs(String username, String password) {
        Dashboard.signInToOverview(node, username, password);
        open(node.url("/storage"));
        $("#paths-grid").shouldBe(visible);
    }

    @Test
    void anOperatorAttachesADirectoryWithInitAndSeesItsCapacityHealthAndSectors() throws Exception {
        openAs("olga", operatorPassword);
        $("#paths-grid").shouldHave(text("No storage paths are attached yet."));
        $("#attach-path").click();
        $("#attach-directory input").setValue(dir.toString());
        $("#attach-init").click();
        $("#attach-options").shouldBe(visible);
        $("#attach-seal").click();
        $("#attach-weight input").setValue("20");
        $("#attach-groups input").setValue("hdd, fast");
        Browser.screenshot("storage-attach-dialog");
        $("#attach-submit").click();
        $("#attach-dialog").shouldNot(exist);

        PathInfo p = onlyPath();
        assertTrue(p.meta().canSeal() && p.meta().canStore(), p.meta().toString());
        assertEquals(20, p.meta().weight());
        assertEquals(List.of("hdd", "fast"), p.meta().groups());
        assertTrue(Files.exists(dir.resolve("sectorstore.json")));
        String id = p.id();
        $("#path-" + id).shouldHave(text(p.localPath()), text(id));
        $("#path-health-" + id + " .granary-badge").shouldHave(exactText("healthy"));
        $("#path-health-" + id).shouldHave(text("heartbeat"));
        $("#path-capacity-" + id).shouldHave(text("0 B in sectors, "), text("free of"));
        $("#path-capacity-" + id + " svg rect[data-part='sectors']").should(exist);
        $("#path-flags-" + id).shouldHave(text("seal"), text("store"));
        $("#path-weight-" + id).shouldHave(exactText("20"));
        $("#path-groups-" + id).shouldHave(exactText("groups hdd, fast"));
        $("#path-files-" + id).shouldHave(exactText("no sector files"));

        SectorName sector = new SectorName(1000, 7);
        Reservation r = storage.reserve(Actor.system(), new AllocationRequest(sector, List.of(SectorFileType.SEALED),
            PathUse.STORE, 2048, null, "test placement")).getFirst();
        storage.write(Actor.system(), r.id(), new ByteArrayInputStream(new byte[2048]));
        $("#path-files-" + id).shouldHave(exactText("sealed 1"), REFRESH);
        $("#path-capacity-" + id).shouldHave(text("2 KiB in sectors"));

        $("#path-" + id).click();
        $("#selected-path").shouldHave(text("Sector files in " + p.localPath()));
        Path file = Path.of(p.localPath(), "sealed", "s-t01000-7");
        $("#path-sectors").shouldHave(text("f01000"), text("7"), text("sealed"), text("primary"), text("2 KiB"),
            text(file.toString()));

        $("#find-miner input").setValue("f01000");
        $("#find-number input").setValue("7");
        $("#find-submit").click();
        $("#find-summary").shouldHave(exactText("s-t01000-7: 1 file(s)."));
        $("#find-results").shouldHave(text(file.toString()), text("primary"), text(id), text("healthy"));
        Path shot = Browser.screenshot("storage");
        assertTrue(Files.size(shot) > 10_000, "screenshot has content");

        $("#detach-" + id).click();
        $("#detach-dialog").shouldHave(text("1 sector file(s)"), text("stay on disk"));
        $("#detach-submit").click();
        $("#paths-grid").shouldHave(text("No storage paths are attached yet."));
        $("#path-" + id).shouldNotBe(visible);
        assertTrue(storage.list(Actor.system()).isEmpty());
        assertTrue(Files.exists(file), "detach leaves the files on disk");
    }

    @Test
    void detachingAPathInUseExplainsTheRefusalAndForcesOnlyAfterTheDirectoryIsTyped() {
        PathInfo p = storage.attach(Actor.system(), AttachRequest.init(dir.toString(), true, false));
        storage.reserve(Actor.system(), new AllocationRequest(new SectorName(1000, 9), List.of(SectorFileType.SEALED),
            PathUse.SEAL, 2048, null, "seal PC1"));
        openAs("olga", operatorPassword);

        $("#detach-" + p.id()).click();
        $("#detach-in-use").shouldHave(text("in use: 1 reservation"), text("s-t01000-9 sealed"), text("seal PC1"));
        $("#detach-submit").shouldNot(exist);
        $("#detach-force").shouldHave(attribute("disabled"));
        $("#detach-confirm input").setValue("not the directory");
        $("#detach-force").shouldHave(attribute("disabled"));
        $("#detach-confirm input").setValue(p.localPath());
        $("#detach-force").shouldNotHave(attribute("disabled"));
        Browser.screenshot("storage-detach-in-use");
        $("#detach-force").click();

        $("#paths-grid").shouldHave(text("No storage paths are attached yet."));
        assertTrue(storage.list(Actor.system()).isEmpty());
        AuditEntry forced = node.node().auth().audit().query(Actor.system(), AuditQuery.latest(20)).items().stream()
            .filter(e -> e.action().equals("storage.detach.force")).findFirst().orElseThrow();
        assertEquals("olga", forced.actor());
    }

    @Test
    void aViewerSeesPathsAndFindsSectorsButCannotAttachOrDetach() {
        PathInfo p = storage.attach(Actor.system(), AttachRequest.init(dir.toString(), false, true));
        openAs("vic", viewerPassword);

        $("#path-" + p.id()).shouldHave(text(p.localPath()));
        $("#path-health-" + p.id() + " .granary-badge").shouldHave(exactText("healthy"));
        $("#attach-path").shouldNot(exist);
        $("#detach-" + p.id()).shouldNot(exist);
        $("#rescan-" + p.id()).shouldNot(exist);
        $("#find-miner input").setValue("f01000");
        $("#find-number input").setValue("3");
        $("#find-submit").click();
        $("#find-summary").shouldHave(exactText("No path holds a file of s-t01000-3."));
    }

    @Test
    void aPathWhoseDirectoryVanishesTurnsUnhealthyWithTheError() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        PathInfo p = storage.attach(Actor.system(), AttachRequest.init(disk.toString(), false, true));
        openAs("olga", operatorPassword);
        $("#path-health-" + p.id() + " .granary-badge").shouldHave(exactText("healthy"));

        for (String sub : List.of("unsealed", "sealed", "cache")) {
            Files.delete(disk.resolve(sub));
        }
        Files.delete(disk.resolve("sectorstore.json"));
        Files.delete(disk);
        storage.heartbeatRound();

        $("#path-health-" + p.id() + " .granary-badge").shouldHave(exactText("unhealthy"), REFRESH);
        $("#path-health-" + p.id() + " .granary-error").shouldHave(text("heartbeat probe failed"));
        $("#path-capacity-" + p.id() + " svg rect[data-part='sectors']").shouldHave(attribute("fill", "#d62d20"));
    }

    @Test
    void rescanDeclaresSectorFilesFoundOnDisk() throws Exception {
        PathInfo p = storage.attach(Actor.system(), AttachRequest.init(dir.toString(), false, true));
        openAs("olga", operatorPassword);
        Files.write(Path.of(p.localPath(), "sealed", "s-t01000-4"), new byte[2048]);

        $("#rescan-" + p.id()).click();
        $$("vaadin-notification-card").findBy(text("1 sector file(s) declared")).shouldBe(visible);
        $("#path-files-" + p.id()).shouldHave(exactText("sealed 1"));
        assertEquals(1, storage.find(Actor.system(), new SectorName(1000, 4)).size());
    }

    @Test
    void anAttachTheNodeRefusesSaysWhyAndKeepsTheDialogOpen() {
        openAs("olga", operatorPassword);
        $("#attach-path").click();
        $("#attach-directory input").setValue(dir.resolve("missing").toString());
        $("#attach-submit").click();
        $$("vaadin-notification-card").findBy(text("does not exist")).shouldBe(visible);
        $("#attach-dialog").shouldBe(visible);
        assertTrue(storage.list(Actor.system()).isEmpty());
    }

    private static PathInfo onlyPath() {
        List<PathInfo> paths = storage.list(Actor.system());
        assertEquals(1, paths.size(), paths.toString());
        return paths.getFirst();
    }
}
