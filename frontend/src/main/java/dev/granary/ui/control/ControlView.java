package dev.granary.ui.control;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.address.Address;
import dev.granary.auth.Permission;
import dev.granary.chain.types.TipSetKey;
import dev.granary.control.ControlOverview;
import dev.granary.node.Node;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.LivePolling;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.shell.FieldCard;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.PollProblem;
import dev.granary.ui.wallet.Gate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A miner's control wallets: owner, worker and control addresses with their keys and balances, the
 * pending worker and owner changes, the messages that change them, which address sends each kind of
 * message next and why, the sender configuration, and the node's balance watermarks. Read again at
 * every new head. {@code /control?miner=f01000} opens a miner directly.
 */
@Route(value = "control", layout = MainLayout.class)
@PageTitle("Control wallets")
@RequiresPermission(Permission.READ)
public class ControlView extends VerticalLayout implements BeforeEnterObserver {

    static final int REFRESH_MILLIS = 2000;
    static final String MINER_PARAMETER = "miner";

    private static final Logger log = LoggerFactory.getLogger(ControlView.class);

    private final PollProblem problem = new PollProblem("control-problem", log, "Not everything could be read",
        "The page tries again at the next block.");
    private final MinerPicker picker = new MinerPicker(this::showMiner);
    private final FieldCard minerCard = new FieldCard("Miner", "control-miner-card");
    private final SelectionCard selection = new SelectionCard(this::reload);
    private final AddressesTable addresses = new AddressesTable();
    private final SenderTable senders = new SenderTable();
    private final WatermarksTable watermarks = new WatermarksTable(this::reload);
    private final Div minerSection = new Div();
    private final Button confirmWorker = new Button("Confirm worker change");
    private Address miner;
    private ControlOverview overview;
    private TipSetKey shownHead;
    /** Message states change after the head moves, once the message watcher has seen it. */
    private long shownWatchedHeight = -1;

    public ControlView() {
        confirmWorker.setId("control-confirm-worker");
        confirmWorker.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        confirmWorker.addClickListener(e -> ControlDialogs.confirmWorker(overview, this::reload));
        Div cards = new Div(minerCard, selection);
        cards.addClassName("granary-cards");
        cards.setWidthFull();
        Paragraph sendersNote = new Paragraph("Lotus' rules: the addresses configured for a message type first, PoSt"
            + " on-chain control addresses not taken by another type, then the worker, then the owner (unless their"
            + " fallback is disabled); the first with enough funds, else the one with the most. Click a row for every"
            + " candidate and its verdict.");
        sendersNote.addClassName("granary-notice");
        minerSection.add(cards, actions(), new H3("Addresses"), addresses, new H3("Who sends each message"), sendersNote,
            senders);
        minerSection.setWidthFull();
        minerSection.setVisible(false);
        picker.add(newMinerButton()); // beside Show: creating a miner needs none chosen
        add(problem, picker, minerSection, watermarks);
        setWidthFull();
        reload();
        LivePolling.whileAttached(this, REFRESH_MILLIS, this::refreshOnNewHead);
    }

    /** CreateMiner from wallet keys; once executed, the new miner is offered, chosen and shown. */
    private Button newMinerButton() {
        Button create = new Button("New miner", VaadinIcon.PLUS.create(), e -> NewMinerDialog.open(created -> {
            picker.offerWalletMiners();
            picker.select(created);
            showMiner(created);
        }, this::reload));
        create.setId("control-new-miner");
        return Gate.onlyFor(Permission.SIGN, create);
    }

    private HorizontalLayout actions() {
        Button setControl = new Button("Set control addresses", VaadinIcon.USERS.create(),
            e -> ControlDialogs.setControlAddresses(overview, this::reload));
        setControl.setId("control-action-set");
        setControl.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button worker = new Button("Change worker", VaadinIcon.EXCHANGE.create(), e -> ControlDialogs.proposeWorker(overview, this::reload));
        worker.setId("control-action-worker");
        Button owner = new Button("Change owner", VaadinIcon.EXCHANGE.create(), e -> ControlDialogs.changeOwner(overview, this::reload));
        owner.setId("control-action-owner");
        HorizontalLayout actions = new HorizontalLayout(setControl, worker, owner);
        return Gate.onlyFor(Permission.SIGN, actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(MINER_PARAMETER).ifPresent(text -> {
            try {
                Address chosen = Address.parse(text.strip());
                picker.select(chosen);
                showMiner(chosen);
            } catch (IllegalArgumentException e) {
                problem.show(List.of(e));
            }
        });
    }

    private void showMiner(Address chosen) {
        miner = chosen;
        reload();
    }

    private void refreshOnNewHead() {
        try {
            Node node = NodeAccess.node();
            if (!node.chain().chainHead().key().equals(shownHead) || node.messages().watchedHeight() != shownWatchedHeight) {
                reload();
            }
        } catch (RuntimeException e) {
            problem.show(List.of(e));
        }
    }

    /** Reads everything again; a part that cannot be read says so without hiding the others. */
    private void reload() {
        Node node = NodeAccess.node();
        List<RuntimeException> problems = new ArrayList<>();
        try {
            shownHead = node.chain().chainHead().key();
            shownWatchedHeight = node.messages().watchedHeight();
        } catch (RuntimeException e) {
            problems.add(e);
        }
        if (miner != null) {
            reloadMiner(node, problems);
        }
        reloadWatermarks(problems);
        problem.show(problems);
    }

    private void reloadMiner(Node node, List<RuntimeException> problems) {
        try {
            overview = AsUser.read(actor -> node.control().overview(actor, miner));
            showOverview(overview);
            addresses.show(overview);
            selection.show(miner, overview.selection());
            minerSection.setVisible(true);
        } catch (RuntimeException e) {
            minerSection.setVisible(overview != null && overview.miner().equals(miner));
            problems.add(e);
            return;
        }
        try {
            senders.show(AsUser.read(actor -> node.control().explain(actor, miner)));
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    private void reloadWatermarks(List<RuntimeException> problems) {
        try {
            watermarks.show(AsUser.read(actor -> NodeAccess.node().watermarks().list(actor)));
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    private void showOverview(ControlOverview o) {
        minerCard.text("address", "Miner", o.miner().toString());
        minerCard.text("epoch", "Head epoch", String.valueOf(o.headEpoch()));
        if (o.pendingWorker().isPresent()) {
            long due = o.pendingWorkerEffectiveAt().orElse(Long.MAX_VALUE);
            boolean isDue = o.headEpoch() >= due;
            confirmWorker.setVisible(isDue && Gate.may(Permission.SIGN));
            minerCard.components("pending-worker", "Pending worker", new Span(o.pendingWorker().get()
                + (isDue ? " (due since epoch " + due + ") " : " (from epoch " + due + ", " + (due - o.headEpoch()) + " to go)")),
                confirmWorker);
        } else {
            minerCard.text("pending-worker", "Pending worker", "none");
        }
        minerCard.text("pending-owner", "Proposed owner", o.pendingOwner().map(a -> a + " (waits for its confirmation)").orElse("none"));
    }
}
