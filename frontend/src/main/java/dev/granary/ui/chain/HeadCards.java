package dev.granary.ui.chain;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.granary.chain.ChainStatus;
import dev.granary.chain.types.TipSet;
import dev.granary.multiformats.Cid;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.FieldCard;
import dev.granary.ui.shell.Times;
import dev.granary.ui.svg.BlockIntervalChart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The head tipset and the chain's clock, network and production, as two cards side by side. The head
 * card changes only with the head ({@link #showHead}); the chain card at every poll ({@link #showClock}).
 */
final class HeadCards extends Div {

    static final String MANUAL_CLOCK = "manual";

    private final FieldCard head = new FieldCard("Head", "chain-head");
    private final FieldCard node = new FieldCard("Chain", "chain-node");

    HeadCards() {
        addClassName("granary-cards");
        add(head, node);
    }

    /**
     * The new head of {@code status}, summarised as {@code headSummary}. Called only when the head moves,
     * so a poll does not pull the copy button from under the pointer. The base fee is the next block's,
     * which only the head decides.
     */
    void showHead(ChainStatus status, TipsetSummary headSummary) {
        TipSet tipSet = status.head();
        head.text("height", "Height", String.valueOf(tipSet.height()));
        head.components("tipset", "Tipset", cidParts(tipSet.key().cids()));
        head.text("time", "Time", Times.utc(Instant.ofEpochSecond(tipSet.minTimestamp())) + " UTC");
        long nullRounds = headSummary.nullRoundsBefore();
        head.text("null-rounds", "Null rounds before it",
            nullRounds == 0 ? "" : nullRounds + " (no block at " + heights(tipSet.height() - nullRounds, tipSet.height() - 1) + ")");
        head.text("base-fee", "Base fee, next block", FilAmounts.readable(status.baseFee()))
            .setTitle(FilAmounts.exact(status.baseFee()));
    }

    /** What moves without the head: the clock's epoch (ahead of the head after null rounds) and production. */
    void showClock(ChainStatus status) {
        node.text("network", "Network", status.networkName());
        node.text("policy", "Policy profile", status.policy());
        node.text("epoch", "Clock epoch", String.valueOf(status.currentEpoch()));
        node.components("production", "Production", productionBadges(status));
        node.text("block-delay", "Block delay", status.blockDelay() == null ? "" : BlockIntervalChart.seconds(status.blockDelay()));
    }

    private Component[] cidParts(List<Cid> cids) {
        List<Component> parts = new ArrayList<>();
        for (Cid cid : cids) {
            Span part = ShortText.span(cid.toString());
            part.getStyle().set("margin-right", "var(--lumo-space-xs)");
            parts.add(part);
        }
        String all = cids.stream().map(Cid::toString).collect(Collectors.joining(","));
        parts.add(ShortText.copyButton("chain-copy-cids", "the head tipset's CIDs", all));
        return parts.toArray(Component[]::new);
    }

    private static Component[] productionBadges(ChainStatus status) {
        Span producing = status.producing() ? Badge.of("producing", Badge.Tone.GOOD) : Badge.of("not producing", Badge.Tone.PLAIN);
        producing.setId("chain-producing");
        if (!MANUAL_CLOCK.equals(status.clock())) {
            return new Component[] {producing};
        }
        Span manual = Badge.of("manual clock", Badge.Tone.WARN);
        manual.setId("chain-manual-clock");
        manual.setTitle("Epochs advance only when asked to (tests, or a devnet driven by hand), not with the wall clock");
        manual.getStyle().set("margin-left", "var(--lumo-space-xs)");
        return new Component[] {producing, manual};
    }

    private static String heights(long first, long last) {
        return first == last ? "height " + first : "heights " + first + "–" + last;
    }
}
