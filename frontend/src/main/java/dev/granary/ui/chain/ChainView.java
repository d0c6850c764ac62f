package dev.granary.ui.chain;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainStatus;
import dev.granary.chain.types.TipSetKey;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.LivePolling;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.PollProblem;
import dev.granary.ui.svg.BlockIntervalChart;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded chain, live: the head, the next base fee, the last tipsets as a table and a chart of
 * block intervals, and the message pool. Everything comes from {@link ChainApi}, the interface a real
 * Lotus node could stand behind, so the view never reads the chain's stores itself.
 */
@Route(value = "chain", layout = MainLayout.class)
@PageTitle("Chain")
@RequiresPermission(Permission.READ)
public class ChainView extends VerticalLayout {

    static final int REFRESH_MILLIS = 2000;
    static final String CHART_ID = "chain-interval-chart";

    private static final Logger log = LoggerFactory.getLogger(ChainView.class);

    private final PollProblem problem = new PollProblem("chain-problem", log, "The chain could not be read",
        "The page keeps trying every " + REFRESH_MILLIS / 1000 + " s; the node's log has the details.");
    private final HeadCards headCards = new HeadCards();
    private final RecentTipsets recent = new RecentTipsets();
    private final Svg chart = new Svg();
    private final TipsetTable tipsets = new TipsetTable();
    private final MpoolTable mpool = new MpoolTable();
    private TipSetKey shownHead;

    public ChainView() {
        chart.setId("chain-chart");
        chart.getStyle().set("width", "100%").set("max-width", "960px");
        Div history = new Div(new H3("Recent tipsets"), chart, tipsets);
        history.setWidthFull();
        headCards.setWidthFull();
        // The pool before the history: it is short, and what an operator waiting for a message looks for.
        add(problem, headCards, mpool, history);
        setWidthFull();
        refresh();
        LivePolling.whileAttached(this, REFRESH_MILLIS, this::refresh);
    }

    private void refresh() {
        try {
            ChainApi chain = NodeAccess.node().chain();
            ChainStatus status = chain.chainStatus();
            if (!status.head().key().equals(shownHead)) {
                showHead(chain, status);
            }
            headCards.showClock(status);
            mpool.show(chain.mpoolPending());
            problem.clear();
        } catch (RuntimeException e) {
            problem.show(e);
        }
    }

    /** The head card, the tipsets and the chart change only with the head; a poll that finds the same head skips them. */
    private void showHead(ChainApi chain, ChainStatus status) {
        List<TipsetSummary> newestFirst = recent.endingAt(chain, status.head());
        headCards.showHead(status, newestFirst.getFirst());
        tipsets.show(newestFirst);
        chart.setSvg(BlockIntervalChart.svg(CHART_ID,
            newestFirst.stream().map(t -> new BlockIntervalChart.Bar(t.height(), t.interval())).toList(),
            status.blockDelay()));
        shownHead = status.head().key();
    }
}
