package dev.granary.ui.overview;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.auth.Permission;
import dev.granary.health.ComponentHealth;
import dev.granary.health.HealthReport;
import dev.granary.node.Node;
import dev.granary.node.NodeStatus;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.security.LivePolling;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.shell.FieldCard;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.svg.UsageBar;
import dev.granary.units.ByteSize;
import dev.granary.units.Durations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Real node status — version, uptime, home, stores, kernels, disk, open alerts — refreshed every few seconds. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview")
@RequiresPermission(Permission.READ)
public class OverviewView extends VerticalLayout {

    static final int REFRESH_MILLIS = 2000;

    private final Node node = NodeAccess.node();
    private final Span overall = new Span();
    private final FieldCard nodeCard = new FieldCard("Node", "node");
    private final FieldCard databaseCard = new FieldCard("Database", "database");
    private final FieldCard rocksCard = new FieldCard("RocksDB", "rocksdb");
    private final FieldCard kernelsCard = new FieldCard("Kernels", "kernels");
    private final FieldCard diskCard = new FieldCard("Disk", "disk");
    private final Div diskBar = new Div();
    private final OpenAlerts alerts = new OpenAlerts();

    public OverviewView() {
        overall.setId("overview-health");
        overall.addClassName("granary-badge");
        Div cards = new Div(nodeCard, databaseCard, rocksCard, kernelsCard, diskCard);
        cards.addClassName("granary-cards");
        diskBar.setId("disk-usage");
        diskCard.add(diskBar);
        add(new Div(new Span("Node health: "), overall), cards, alerts);
        setWidthFull();
        refresh();
        LivePolling.whileAttached(this, REFRESH_MILLIS, this::refresh);
    }

    private void refresh() {
        HealthReport report = node.health().check();
        NodeStatus status = node.status();
        Instant now = node.clock().instant();
        overall.setText(report.up() ? "up" : "down: " + String.join(", ", report.failing()));
        overall.removeClassNames("up", "down");
        overall.addClassName(report.up() ? "up" : "down");

        nodeCard.status(true);
        nodeCard.text("version", "Version", status.build().version());
        nodeCard.text("uptime", "Uptime", Durations.format(status.uptime(now)));
        nodeCard.text("started", "Started", status.startedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        nodeCard.text("id", "Node id", status.identity().nodeId());
        nodeCard.text("starts", "Starts of this home", String.valueOf(status.identity().starts()));
        nodeCard.text("home", "Home", status.home().root().toString());
        nodeCard.text("listen", "Listening on", node.baseUrl());
        nodeCard.text("java", "Java", status.build().javaVersion());
        showDatabase(report.component("database"));
        showRocks(report.component("rocksdb"));
        showKernels(report.component("kernels"));
        showDisk(report.component("disk"));
        showAlerts();
    }

    /** A poll's read is not activity (AsUser.poll), so an unattended Overview still times out. */
    private void showAlerts() {
        AsUser.poll(actor -> node.alerts().list(actor, false, OpenAlerts.SHOWN), e -> alerts.unavailable(e.getMessage()))
            .ifPresent(alerts::show);
    }

    private void showDatabase(ComponentHealth db) {
        databaseCard.status(db.up());
        databaseCard.text("product", "Product", text(db.details(), "product"));
        databaseCard.text("url", "URL", text(db.details(), "url"));
        databaseCard.text("latency", "Round trip", db.details().containsKey("latencyMs")
            ? String.format("%.1f ms", ((Number) db.details().get("latencyMs")).doubleValue()) : "");
        databaseCard.text("error", "Error", text(db.details(), "error"));
    }

    private void showRocks(ComponentHealth rocks) {
        rocksCard.status(rocks.up());
        rocksCard.text("path", "Path", text(rocks.details(), "path"));
        rocksCard.text("live", "Live data", rocks.details().get("liveDataBytes") instanceof Number n
            ? ByteSize.format(n.longValue()) : "");
        rocksCard.text("error", "Error", text(rocks.details(), "error"));
    }

    private void showKernels(ComponentHealth kernels) {
        kernelsCard.status(kernels.up());
        kernelsCard.text("implementation", "In use", text(kernels.details(), "implementation"));
        kernelsCard.text("detail", "Detail", text(kernels.details(), "detail"));
    }

    private void showDisk(ComponentHealth disk) {
        Map<String, Object> d = disk.details();
        long free = d.get("freeBytes") instanceof Number n ? n.longValue() : 0;
        long total = d.get("totalBytes") instanceof Number n ? n.longValue() : 0;
        long min = d.get("minFreeBytes") instanceof Number n ? n.longValue() : 0;
        diskCard.status(disk.up());
        diskCard.text("free", "Free", ByteSize.format(free));
        diskCard.text("total", "Total", ByteSize.format(total));
        diskCard.text("min", "Minimum free", ByteSize.format(min));
        diskCard.text("error", "Error", text(d, "error"));
        diskBar.removeAll();
        diskBar.add(new Html(UsageBar.svg(total - free, total, !disk.up(),
            ByteSize.format(total - free) + " used of " + ByteSize.format(total))));
    }

    private static String text(Map<String, Object> details, String key) {
        Object value = details.get(key);
        return value == null ? "" : value.toString();
    }
}
