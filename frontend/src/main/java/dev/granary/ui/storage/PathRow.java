package dev.granary.ui.storage;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.granary.storage.PathInfo;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.svg.CapacityBar;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cells of one path's row, made once and updated in place at every refresh: the table does not
 * re-render every few seconds (which would replace the buttons under a person's pointer), only the
 * texts and the bar that changed are sent to the browser. Element ids end with the path's ID.
 */
final class PathRow {

    final Div path = new Div();
    final Div capacity = new Div();
    final Div flags = new Div();
    final Span weight = new Span();
    final Span groups = new Span();
    final Div health = new Div();
    final Span files = new Span();
    final HorizontalLayout actions = new HorizontalLayout();

    private final Span directory = new Span();
    private final Span id = new Span();
    private final Div bar = new Div();
    private final Span capacityText = new Span();
    private final Span healthBadge = new Span();
    private final Span heartbeat = new Span();
    private final Span error = new Span();
    private String shownSvg = "";
    private List<String> shownFlags = List.of();
    private PathInfo current;

    /** @param rescan null for a path this node cannot rescan (another node's) */
    PathRow(PathInfo p, Instant now, boolean mayChange, Consumer<PathInfo> rescan, Consumer<PathInfo> detach) {
        String key = p.id();
        // Directories are long and have no spaces: let them wrap anywhere rather than run under the next column.
        directory.getStyle().set("font-weight", "600").set("word-break", "break-all");
        id.getStyle().set("word-break", "break-all");
        id.addClassName("granary-notice");
        path.add(directory, new Div(id));
        path.setId("path-" + key);
        capacity.setId("path-capacity-" + key);
        bar.getStyle().set("width", "100%").set("min-width", "12em");
        capacityText.addClassName("granary-notice");
        capacity.add(bar, capacityText);
        flags.addClassName("granary-badges");
        flags.setId("path-flags-" + key);
        weight.setId("path-weight-" + key);
        groups.setId("path-groups-" + key);
        healthBadge.addClassName("granary-badge");
        heartbeat.addClassName("granary-notice");
        error.addClassName("granary-error");
        health.add(healthBadge, new Span(" "), heartbeat, new Div(error));
        health.setId("path-health-" + key);
        files.setId("path-files-" + key);
        if (mayChange) {
            if (rescan != null) {
                actions.add(action(VaadinIcon.REFRESH, "Rescan: declare the sector files found on disk", "rescan-" + key,
                    () -> rescan.accept(current)));
            }
            Button detachButton = action(VaadinIcon.UNLINK, "Detach", "detach-" + key, () -> detach.accept(current));
            detachButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(detachButton);
        }
        actions.setSpacing(false);
        update(p, now);
    }

    /** Sets what changed since the last refresh; an unchanged bar is not sent again. */
    void update(PathInfo p, Instant now) {
        current = p;
        directory.setText(PathText.location(p));
        id.setText(p.id());
        String svg = CapacityBar.svg(PathText.capacity(p), p.healthy());
        if (!svg.equals(shownSvg)) {
            bar.removeAll();
            bar.add(new Html(svg));
            shownSvg = svg;
        }
        capacityText.setText(CapacityBar.summary(PathText.capacity(p)));
        List<String> newFlags = PathText.flags(p.meta());
        if (!newFlags.equals(shownFlags)) {
            flags.removeAll();
            newFlags.forEach(f -> flags.add(Badge.of(f, f.equals("read-only") ? Badge.Tone.WARN : Badge.Tone.PLAIN)));
            shownFlags = newFlags;
        }
        weight.setText(String.valueOf(p.meta().weight()));
        groups.setText(PathText.groups(p.meta()));
        healthBadge.setText(p.healthy() ? "healthy" : "unhealthy");
        healthBadge.removeClassNames("up", "down");
        healthBadge.addClassName(p.healthy() ? "up" : "down");
        heartbeat.setText(PathText.heartbeat(p, now));
        error.setText(p.lastError() == null ? "" : p.lastError());
        error.setVisible(p.lastError() != null && !p.lastError().isEmpty());
        files.setText(PathText.fileCounts(p.fileCounts()));
    }

    PathInfo current() {
        return current;
    }

    /** An icon button; the tooltip and accessible name say what it does. */
    private static Button action(VaadinIcon icon, String label, String id, Runnable onClick) {
        Button button = new Button(icon.create(), e -> onClick.run());
        button.setId(id);
        button.setTooltipText(label);
        button.setAriaLabel(label);
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
