package dev.granary.ui.storage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import dev.granary.storage.PathInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One row per storage path. The rows' cells are {@link PathRow}s kept by path ID: a refresh with the
 * same paths updates them in place, and only an attach or detach (other IDs) rebuilds the table.
 * Selecting a row shows the sectors of that path.
 */
final class PathTable extends Div {

    private final Grid<PathInfo> grid = new Grid<>();
    private final Map<String, PathRow> rows = new HashMap<>();
    private final String nodeId;
    private final boolean mayChange;
    private final Consumer<PathInfo> rescan;
    private final Consumer<PathInfo> detach;
    private List<String> shownIds = List.of();
    private Instant now = Instant.EPOCH;
    private String selectedId;

    PathTable(String nodeId, boolean mayChange, Consumer<PathInfo> rescan, Consumer<PathInfo> detach, Consumer<Optional<PathInfo>> onSelect) {
        this.nodeId = nodeId;
        this.mayChange = mayChange;
        this.rescan = rescan;
        this.detach = detach;
        grid.setId("paths-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        column(r -> r.path, "Path").setFlexGrow(2);
        column(r -> r.capacity, "Capacity").setFlexGrow(3);
        column(r -> r.flags, "Use").setAutoWidth(true).setFlexGrow(0);
        column(r -> r.weight, "Weight").setAutoWidth(true).setFlexGrow(0);
        column(r -> r.groups, "Groups").setFlexGrow(1);
        column(r -> r.health, "Health").setFlexGrow(1);
        column(r -> r.files, "Sector files").setFlexGrow(1);
        if (mayChange) {
            column(r -> r.actions, "").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        }
        grid.setEmptyStateText("No storage paths are attached yet.");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) { // a refresh re-selects quietly and shows the path itself
                selectedId = e.getValue() == null ? null : e.getValue().id();
                onSelect.accept(Optional.ofNullable(e.getValue()).map(p -> rows.containsKey(p.id())
                    ? rows.get(p.id()).current() : p));
            }
        });
        add(grid);
        setWidthFull();
    }

    private Grid.Column<PathInfo> column(Function<PathRow, Component> cell, String header) {
        return grid.addComponentColumn(p -> cell.apply(row(p))).setHeader(header);
    }

    private PathRow row(PathInfo p) {
        return rows.computeIfAbsent(p.id(), id -> new PathRow(p, now, mayChange, ownLocal(p) ? rescan : null, detach));
    }

    /** Only this node can rescan its own directories. */
    private boolean ownLocal(PathInfo p) {
        return !p.remote() && p.nodeId().equals(nodeId);
    }

    /** Shows {@code paths} as of {@code at}; returns the selected path as it is now, if it is still attached. */
    Optional<PathInfo> show(List<PathInfo> paths, Instant at) {
        now = at;
        List<String> ids = paths.stream().map(PathInfo::id).toList();
        if (!ids.equals(shownIds)) {
            rows.clear();
            grid.setItems(paths);
            shownIds = ids;
            paths.stream().filter(p -> p.id().equals(selectedId)).findFirst().ifPresent(grid::select);
        } else {
            paths.forEach(p -> Optional.ofNullable(rows.get(p.id())).ifPresent(r -> r.update(p, at)));
        }
        Optional<PathInfo> selected = paths.stream().filter(p -> p.id().equals(selectedId)).findFirst();
        if (selected.isEmpty()) {
            selectedId = null;
        }
        return selected;
    }
}
