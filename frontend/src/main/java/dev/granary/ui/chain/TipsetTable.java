package dev.granary.ui.chain;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.granary.multiformats.Cid;
import dev.granary.ui.shell.Times;
import dev.granary.ui.svg.BlockIntervalChart;
import java.util.List;
import java.util.stream.Collectors;

/** The recent tipsets, newest first: also the text alternative of the interval chart. */
final class TipsetTable extends Grid<TipsetSummary> {

    TipsetTable() {
        setId("chain-tipsets-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        addColumn(TipsetSummary::height).setHeader("Height").setAutoWidth(true).setFlexGrow(0);
        addColumn(t -> Times.utc(t.time())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        addColumn(TipsetSummary::blocks).setHeader("Blocks").setAutoWidth(true).setFlexGrow(0);
        addColumn(TipsetSummary::messages).setHeader("Messages").setAutoWidth(true).setFlexGrow(0);
        addColumn(TipsetTable::interval).setHeader("Interval").setAutoWidth(true).setFlexGrow(0);
        addColumn(t -> ShortText.shorten(t.cids().getFirst().toString()) + (t.cids().size() > 1 ? " +" + (t.cids().size() - 1) : ""))
            .setHeader("Blocks' CIDs").setTooltipGenerator(TipsetTable::allCids).setAutoWidth(true);
        setEmptyStateText("No tipsets yet.");
        setAllRowsVisible(true);
    }

    void show(List<TipsetSummary> newestFirst) {
        setItems(newestFirst);
    }

    static String interval(TipsetSummary t) {
        if (t.interval() == null) {
            return "genesis";
        }
        String text = BlockIntervalChart.seconds(t.interval());
        long nulls = t.nullRoundsBefore();
        return nulls == 0 ? text : text + " (" + nulls + " null round" + (nulls == 1 ? "" : "s") + ")";
    }

    private static String allCids(TipsetSummary t) {
        return t.cids().stream().map(Cid::toString).collect(Collectors.joining("\n"));
    }
}
