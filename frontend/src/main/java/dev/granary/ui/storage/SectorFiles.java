package dev.granary.ui.storage;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.granary.storage.SectorCopy;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.Times;
import dev.granary.units.ByteSize;
import java.util.List;

/**
 * A table of sector files: what a path holds, or where a sector's files are. Redrawn only when the
 * files changed, so a refresh every few seconds does not reset its scrolling.
 */
final class SectorFiles extends Grid<SectorCopy> {

    private List<SectorCopy> shown;

    /** @param withPath whether to show which path holds each file (the find results), or not (a path's own list) */
    SectorFiles(String id, boolean withPath, String emptyText) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        addColumn(c -> "f0" + c.sector().miner()).setHeader("Miner").setAutoWidth(true).setFlexGrow(0);
        addColumn(c -> c.sector().number()).setHeader("Sector").setAutoWidth(true).setFlexGrow(0);
        addColumn(c -> c.type().id()).setHeader("File").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(c -> c.primary() ? Badge.of("primary", Badge.Tone.GOOD) : Badge.of("copy", Badge.Tone.PLAIN))
            .setHeader("Copy").setAutoWidth(true).setFlexGrow(0);
        addColumn(c -> ByteSize.format(c.size())).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        if (withPath) {
            addComponentColumn(c -> c.healthy() ? Badge.of("healthy", Badge.Tone.GOOD) : Badge.of("unhealthy", Badge.Tone.BAD))
                .setHeader("Path health").setAutoWidth(true).setFlexGrow(0);
            addColumn(c -> c.remoteName() != null ? "remote " + c.remoteName() + ", path " + c.pathId() : c.pathId())
                .setHeader("Path").setAutoWidth(true);
        }
        addColumn(SectorFiles::where).setHeader("Location").setTooltipGenerator(SectorFiles::where).setFlexGrow(1);
        addColumn(c -> Times.utcMinutes(c.declaredAt())).setHeader("Declared (UTC)").setAutoWidth(true).setFlexGrow(0);
        setEmptyStateText(emptyText);
        setAllRowsVisible(true);
        setWidthFull();
    }

    void show(List<SectorCopy> files) {
        if (files.equals(shown)) {
            return;
        }
        shown = List.copyOf(files);
        setItems(shown);
    }

    private static String where(SectorCopy c) {
        return c.location().isEmpty() ? "on node " + c.nodeId() : c.location();
    }
}
